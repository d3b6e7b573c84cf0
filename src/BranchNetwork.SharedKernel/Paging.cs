using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BranchNetwork.SharedKernel.Errors;

namespace BranchNetwork.SharedKernel;

/// <summary>
/// A page of a bounded list by page number (offset paging): only for lists that stay small, where a
/// total count is cheap and useful. Lists that can grow without bound use <see cref="KeysetPage{T}"/>.
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

/// <summary>
/// A page of a list that can grow without bound (keyset paging). Items come in the list's stable order;
/// <see cref="NextCursor"/> is the opaque token to send back as <c>after</c> for the next page, and is
/// null on the last page. Nothing is ever cut silently: a caller walks the cursors to the end.
/// </summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public bool HasMore => NextCursor is not null;

    public KeysetPage<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], NextCursor);
}

public static class KeysetPage
{
    /// <summary>
    /// Builds the page from rows fetched with <c>Take(pageSize + 1)</c>: the extra row only tells that
    /// there is more; the cursor is made from the last row kept.
    /// </summary>
    public static KeysetPage<T> From<T>(IReadOnlyList<T> rowsPlusOne, int pageSize, Func<T, string> cursorOf)
    {
        if (rowsPlusOne.Count <= pageSize)
        {
            return new KeysetPage<T>(rowsPlusOne, null);
        }

        var items = rowsPlusOne.Take(pageSize).ToList();
        return new KeysetPage<T>(items, cursorOf(items[^1]));
    }
}

public static class Paging
{
    public const int MaxPageSize = 200;

    public const int DefaultPageSize = 20;

    /// <summary>Clamps user-supplied paging so a request can never ask for an unbounded page.</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (page is null or < 1 ? 1 : page.Value, NormalizeSize(pageSize));

    /// <summary>Clamps a user-supplied page size to 1..<see cref="MaxPageSize"/> (default <see cref="DefaultPageSize"/>).</summary>
    public static int NormalizeSize(int? pageSize) => pageSize is null or < 1 ? DefaultPageSize : Math.Min(pageSize.Value, MaxPageSize);
}

/// <summary>
/// Encodes and decodes keyset cursors: the sort key of the last row of a page, bound to the list it came
/// from. The cursor is opaque to callers; a cursor that was edited, cut or made for another list is refused
/// with a 400 field error on <see cref="Field"/>. The check is a digest, not a secret: a forged cursor could
/// at most start a list the caller may read anyway at another row, because every page re-applies the
/// caller's filters and authorisation.
/// </summary>
public static class PageCursor
{
    /// <summary>The query parameter (and field of the 400 error) that carries a cursor.</summary>
    public const string Field = "after";

    private const string Version = "1";
    private const char Separator = '\u001f';

    /// <summary>
    /// A cursor for <paramref name="list"/> (a name unique to the list and, where the order depends on
    /// them, its filters) after the row whose sort key is <paramref name="keys"/>.
    /// </summary>
    public static string Encode(string list, params object[] keys)
    {
        var body = string.Join(Separator, keys.Select(Format).Prepend(Version));
        var digest = Digest(list, body);
        return Base64Url(Encoding.UTF8.GetBytes(body + Separator + digest));
    }

    /// <summary>
    /// The sort key a cursor carries, or null when <paramref name="cursor"/> is empty (the first page).
    /// Throws <see cref="ValidationFailedException"/> on <c>after</c> for anything this list did not issue.
    /// </summary>
    public static CursorKey? Decode(string? cursor, string list, int keyCount)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(FromBase64Url(cursor));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        var parts = text.Split(Separator);
        if (parts.Length != keyCount + 2 || parts[0] != Version)
        {
            throw Invalid();
        }

        var body = string.Join(Separator, parts[..^1]);
        var expected = Encoding.ASCII.GetBytes(Digest(list, body));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[^1])))
        {
            throw Invalid();
        }

        return new CursorKey(parts[1..^1]);
    }

    internal static ValidationFailedException Invalid() =>
        new(Field, "The page cursor is not valid for this list; start again from the first page.");

    private static string Format(object key) => key switch
    {
        DateTime t => t.Ticks.ToString(CultureInfo.InvariantCulture),
        Guid g => g.ToString("N"),
        string s => s,
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A cursor key of type {key.GetType().Name} is not supported.", nameof(key)),
    };

    private static string Digest(string list, string body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(list + Separator + body)), 0, 12);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException() };
        return Convert.FromBase64String(padded);
    }
}

/// <summary>The sort key of a decoded cursor, read back by position in the types it was encoded with.</summary>
public sealed class CursorKey
{
    private readonly string[] parts;

    internal CursorKey(string[] parts) => this.parts = parts;

    public string Text(int index) => parts[index];

    public Guid Id(int index) =>
        Guid.TryParseExact(parts[index], "N", out var value) ? value : throw PageCursor.Invalid();

    public DateTime Time(int index) =>
        long.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : throw PageCursor.Invalid();

    public bool Flag(int index) => parts[index] switch
    {
        "1" => true,
        "0" => false,
        _ => throw PageCursor.Invalid(),
    };
}
