using System.Globalization;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.SearchLogs;

/// <summary>One submitted log in a search: who, which day, how it came in, the start of what was done.</summary>
internal sealed record LogListItem(
    Guid Id,
    DateOnly Day,
    Guid AuthorId,
    string AuthorName,
    Guid SubBranchId,
    string? TemplateName,
    LogTimeliness? Timeliness,
    DateTime? SubmittedAtUtc,
    bool SharedWithTeam,
    string Snippet,
    int Comments,
    int Likes);

/// <summary>
/// WL-3 查阅日志: the submitted logs the caller may read, newest first — head office's supervisors every sub-branch's,
/// a sub-branch's head and managers their own sub-branch's, anyone else their own and what colleagues shared with the
/// team. Filters: sub-branch, person, days (yyyy-MM-dd, inclusive), a template field's value, and words in what was
/// done, the problems, the plan or a linked task's title (case-insensitive on every database).
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
internal sealed record SearchLogsQuery(
    Guid? SubBranchId,
    Guid? AuthorId,
    string? From,
    string? To,
    string? FieldKey,
    string? FieldValue,
    string? Q,
    int? Page,
    int? PageSize) : IQuery<PagedResult<LogListItem>>;

internal sealed class SearchLogsValidator : AbstractValidator<SearchLogsQuery>
{
    public const int QueryMaxLength = 100;

    public SearchLogsValidator()
    {
        RuleFor(q => q.From).Must(BeADay).WithName(_ => DomainText.Get("Reading_From")).WithMessage(_ => DomainText.Get("Reading_DayFormat"));
        RuleFor(q => q.To).Must(BeADay).WithName(_ => DomainText.Get("Reading_To")).WithMessage(_ => DomainText.Get("Reading_DayFormat"));
        RuleFor(q => q.FieldKey).MaximumLength(TemplateField.KeyMaxLength).WithName(_ => DomainText.Get("Reading_FieldKey"));
        RuleFor(q => q.FieldValue).MaximumLength(TemplateField.TextValueMaxLength).WithName(_ => DomainText.Get("Reading_FieldValue"));
        RuleFor(q => q.FieldKey).NotEmpty().When(q => !string.IsNullOrWhiteSpace(q.FieldValue)).WithName(_ => DomainText.Get("Reading_FieldKey"));
        RuleFor(q => q.Q).MaximumLength(QueryMaxLength).WithName(_ => DomainText.Get("Reading_Query"));
        RuleFor(q => q.SubBranchId).NotEqual(Guid.Empty).WithName(_ => DomainText.Get("Reading_SubBranch"));
        RuleFor(q => q.AuthorId).NotEqual(Guid.Empty).WithName(_ => DomainText.Get("Reading_Author"));
    }

    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static bool BeADay(string? text) => string.IsNullOrWhiteSpace(text) || Day(text) is not null;
}

internal sealed class SearchLogsHandler(WorkLogsDbContext db, WorkLogsAccess access) : IQueryHandler<SearchLogsQuery, PagedResult<LogListItem>>
{
    private const int SnippetLength = 120;

    public async ValueTask<PagedResult<LogListItem>> Handle(SearchLogsQuery query, CancellationToken cancellationToken)
    {
        var me = access.User.RequireUserId();
        var logs = db.Logs.AsNoTracking().Where(l => l.State == LogState.Submitted);
        if (!access.IsSupervisor)
        {
            var own = await access.OwnSubBranchAsync(cancellationToken);
            if (query.SubBranchId is { } asked && asked != own)
            {
                // Another sub-branch is not the caller's to search; whether it has logs is not disclosed.
                throw SubBranchNotFound();
            }

            logs = own switch
            {
                { } managed when access.IsManagerRole => logs.Where(l => l.SubBranchId == managed || l.AuthorId == me),
                { } mine => logs.Where(l => l.AuthorId == me || (l.SharedWithTeam && l.SubBranchId == mine)),
                null => logs.Where(l => l.AuthorId == me),
            };
        }

        if (query.SubBranchId is { } subBranchId)
        {
            logs = logs.Where(l => l.SubBranchId == subBranchId);
        }

        if (query.AuthorId is { } authorId)
        {
            logs = logs.Where(l => l.AuthorId == authorId);
        }

        if (SearchLogsValidator.Day(query.From) is { } from)
        {
            logs = logs.Where(l => l.Day >= from);
        }

        if (SearchLogsValidator.Day(query.To) is { } to)
        {
            logs = logs.Where(l => l.Day <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.FieldKey))
        {
            var key = query.FieldKey.Trim();
            var value = query.FieldValue?.Trim();
            logs = string.IsNullOrEmpty(value)
                ? logs.Where(l => db.FieldValues.Any(v => v.LogId == l.Id && v.Key == key))
                : logs.Where(l => db.FieldValues.Any(v => v.LogId == l.Id && v.Key == key && v.Value == value));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // lower() on both sides and LIKE: the same answer on SQLite and PostgreSQL (and SQL Server), Chinese unchanged.
            var pattern = "%" + Escape(query.Q.Trim().ToLowerInvariant()) + "%";
            logs = logs.Where(l =>
                (l.Done != null && EF.Functions.Like(l.Done.ToLower(), pattern, "\\"))
                || (l.Problems != null && EF.Functions.Like(l.Problems.ToLower(), pattern, "\\"))
                || (l.Plan != null && EF.Functions.Like(l.Plan.ToLower(), pattern, "\\"))
                || db.LogLines.Any(x => x.LogId == l.Id && EF.Functions.Like(x.TaskTitle.ToLower(), pattern, "\\")));
        }

        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var total = await logs.CountAsync(cancellationToken);
        var rows = await logs
            .OrderByDescending(l => l.Day).ThenByDescending(l => l.SubmittedAtUtc).ThenBy(l => l.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(l => new
            {
                l.Id,
                l.Day,
                l.AuthorId,
                l.AuthorName,
                l.SubBranchId,
                l.TemplateName,
                l.Timeliness,
                l.SubmittedAtUtc,
                l.SharedWithTeam,
                l.Done,
                l.Plan,
                Comments = db.Comments.Count(c => c.LogId == l.Id),
                Likes = db.Likes.Count(k => k.LogId == l.Id),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new LogListItem(
            r.Id, r.Day, r.AuthorId, r.AuthorName, r.SubBranchId, r.TemplateName, r.Timeliness, r.SubmittedAtUtc, r.SharedWithTeam,
            Snippet(r.Done ?? r.Plan), r.Comments, r.Likes)).ToList();
        return new PagedResult<LogListItem>(items, page, pageSize, total);
    }

    public static NotFoundException SubBranchNotFound() => new("worklogs.sub_branch_not_found", DomainText.Get("Reading_SubBranchNotFound"));

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Snippet(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var line = text.ReplaceLineEndings(" ");
        return line.Length <= SnippetLength ? line : line[..SnippetLength] + "…";
    }
}

internal static class SearchLogsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/logs", async Task<Ok<PagedResult<LogListItem>>> (
                Guid? subBranchId, Guid? authorId, string? from, string? to, string? fieldKey, string? fieldValue, string? q, int? page, int? pageSize,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchLogsQuery(subBranchId, authorId, from, to, fieldKey, fieldValue, q, page, pageSize), ct)))
            .WithName("SearchWorkLogs")
            .WithSummary("Submitted daily logs the caller may read, newest first: by sub-branch, person, days, a template field's value and full text (WL-3).");
}
