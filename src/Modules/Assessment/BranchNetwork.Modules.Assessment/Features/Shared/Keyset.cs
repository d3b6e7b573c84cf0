using System.Globalization;

namespace BranchNetwork.Modules.Assessment.Features.Shared;

/// <summary>
/// Keyset paging on (CreatedAtUtc, Id) descending into the platform's <see cref="KeysetPage{T}"/>: a page costs the
/// same however deep it is; <c>nextCursor</c> is sent back as <c>after</c>.
/// </summary>
internal static class Keyset
{
    /// <summary>The rows after <paramref name="after"/> (a cursor from a previous page); the caller orders newest first.</summary>
    public static IQueryable<TEntity> After<TEntity>(IQueryable<TEntity> rows, string? after)
        where TEntity : Entity
    {
        if (Parse(after) is { } cursor)
        {
            var (at, id) = cursor;
            rows = rows.Where(r => r.CreatedAtUtc < at || (r.CreatedAtUtc == at && r.Id.CompareTo(id) < 0));
        }

        return rows;
    }

    /// <summary>Reads one more row than the page holds to know whether another page follows.</summary>
    public static KeysetPage<TDto> Page<TDto>(IReadOnlyList<TDto> fetched, int size, Func<TDto, (DateTime At, Guid Id)> keyOf)
    {
        return KeysetPage.From(fetched, size, last =>
        {
            var (at, id) = keyOf(last);
            return Cursor(at, id);
        });
    }

    public static int Size(int? pageSize) => Paging.Normalize(1, pageSize).PageSize;

    public static string Cursor(DateTime at, Guid id) => string.Create(CultureInfo.InvariantCulture, $"{at.Ticks}_{id:N}");

    public static (DateTime At, Guid Id)? Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var parts = cursor.Split('_');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is > 0 and < 3155378975999999999 && Guid.TryParseExact(parts[1], "N", out var id))
        {
            return (new DateTime(ticks, DateTimeKind.Utc), id);
        }

        throw new ValidationFailedException("after", Domain.DomainText.Get("PageCursorInvalid"));
    }
}
