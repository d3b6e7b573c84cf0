using System.Globalization;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.ListMyLogs;

/// <summary>
/// One day of the caller's month: a log (<see cref="State"/> Draft or Submitted) or a working day without a submitted
/// log — "Missing" once the day has closed, "Pending" while it can still be written.
/// </summary>
internal sealed record MyLogDay(DateOnly Day, bool IsWorkingDay, Guid? LogId, string State, LogTimeliness? Timeliness, DateTime? SubmittedAtUtc, string? Snippet);

internal sealed record MyLogMonth(string Month, IReadOnlyList<MyLogDay> Days, int Submitted, int OnTime, int Late, int Missing);

/// <summary>WL-1: the caller's logs of a month (yyyy-MM, default this month, China time), newest day first, with missing working days.</summary>
[AnySignedInUser]
internal sealed record ListMyLogsQuery(string? Month) : IQuery<MyLogMonth>;

internal sealed class ListMyLogsHandler(WorkLogsDbContext db, WorkLogsAccess access, WorkLogSettings settings, BankCalendar calendar, IClock clock)
    : IQueryHandler<ListMyLogsQuery, MyLogMonth>
{
    public const int SnippetLength = 60;

    public async ValueTask<MyLogMonth> Handle(ListMyLogsQuery query, CancellationToken cancellationToken)
    {
        var today = BankCalendar.Today(clock);
        var first = string.IsNullOrEmpty(query.Month)
            ? new DateOnly(today.Year, today.Month, 1)
            : DateOnly.TryParseExact(query.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 2100
                ? parsed
                : throw new ValidationFailedException("month", DomainText.Get("Logs_MonthInvalid"));
        await LogDays.RequireSubBranchAsync(access, cancellationToken);
        var me = access.User.RequireUserId();
        var last = first.AddMonths(1).AddDays(-1);
        var logs = await db.Logs.AsNoTracking()
            .Where(l => l.AuthorId == me && l.Day >= first && l.Day <= last)
            .Select(l => new { l.Id, l.Day, l.State, l.Timeliness, l.SubmittedAtUtc, l.Done })
            .ToListAsync(cancellationToken);
        var byDay = logs.ToDictionary(l => l.Day);
        var days = new List<MyLogDay>();
        for (var day = last < today ? last : today; day >= first; day = day.AddDays(-1))
        {
            var working = calendar.IsWorkingDay(day);
            if (byDay.TryGetValue(day, out var log))
            {
                var snippet = log.Done is null ? null : log.Done.Length > SnippetLength ? log.Done[..SnippetLength] + "…" : log.Done;
                days.Add(new MyLogDay(day, working, log.Id, log.State.ToString(), log.Timeliness, log.SubmittedAtUtc, snippet));
            }
            else if (working)
            {
                var closed = settings.Window.IsClosed(day, clock.UtcNow);
                days.Add(new MyLogDay(day, true, null, closed ? "Missing" : "Pending", null, null, null));
            }
        }

        var submitted = days.Where(d => d.State == nameof(LogState.Submitted)).ToList();
        return new MyLogMonth(
            first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            days,
            submitted.Count,
            submitted.Count(d => d.Timeliness == LogTimeliness.OnTime),
            submitted.Count(d => d.Timeliness == LogTimeliness.Late),
            days.Count(d => d.State == "Missing" || (d.State == nameof(LogState.Draft) && d.IsWorkingDay && settings.Window.IsClosed(d.Day, clock.UtcNow))));
    }
}

internal static class ListMyLogsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/mine", async Task<Ok<MyLogMonth>> (string? month, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyLogsQuery(month), ct)))
            .WithName("ListMyLogs")
            .WithSummary("The caller's logs of a month (?month=yyyy-MM, default this month): state, on time or late, and the working days missing.");
}
