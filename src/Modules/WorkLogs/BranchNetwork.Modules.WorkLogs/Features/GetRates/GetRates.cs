using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.GetRates;

/// <summary>
/// The month's submission rates (WL-2): per person, per team (the member's own unit) and per sub-branch. Counted over the
/// working days of the month up to today (bank calendar: holidays off, 调休 Saturdays on); today counts once its cut-off
/// has passed, since before it nobody can be late or missing yet. Rate = (on time + late) ÷ expected days; late shown
/// apart. One sub-branch lists its people; head office without a sub-branch gets teams and sub-branches only.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
[BoundedList("one sub-branch's members, or one line per team and sub-branch")]
internal sealed record GetRatesQuery(string? Month, Guid? SubBranchId) : IQuery<RatesDto>;

/// <summary>Figures over <see cref="Expected"/> person-days; rates are fractions (0.95), null when nothing was expected.</summary>
internal sealed record RateFigures(int Expected, int OnTime, int Late, int Missing, decimal? Rate, decimal? OnTimeRate)
{
    public static RateFigures Of(int expected, int onTime, int late)
    {
        // A log on a day before the member joined the sub-branch may exceed what is expected of them: capped.
        var submitted = Math.Min(expected, onTime + late);
        return new RateFigures(
            expected, Math.Min(onTime, submitted), Math.Max(0, submitted - onTime), expected - submitted,
            expected == 0 ? null : Math.Round((decimal)submitted / expected, 4),
            expected == 0 ? null : Math.Round((decimal)Math.Min(onTime, submitted) / expected, 4));
    }
}

internal sealed record PersonRateDto(Guid UserId, string DisplayName, Guid UnitId, string TeamName, RateFigures Figures);

internal sealed record TeamRateDto(Guid UnitId, string Name, Guid SubBranchId, int Members, RateFigures Figures);

internal sealed record SubBranchRateDto(Guid SubBranchId, string Code, string Name, int Members, RateFigures Figures);

/// <summary><see cref="WorkingDays"/>: the days counted (up to today). People weakest first, teams and sub-branches likewise.</summary>
internal sealed record RatesDto(
    string Month,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DateOnly> WorkingDays,
    Guid? SubBranchId,
    IReadOnlyList<SubBranchRateDto> SubBranches,
    IReadOnlyList<TeamRateDto> Teams,
    IReadOnlyList<PersonRateDto> People);

internal sealed class GetRatesValidator : AbstractValidator<GetRatesQuery>
{
    public GetRatesValidator(IClock clock) =>
        RuleFor(q => q.Month)
            .Must(m => string.IsNullOrEmpty(m) || TrackingScope.TryParseMonth(m, out _)).WithMessage(_ => DomainText.Get("Tracking_MonthInvalid"))
            .Must(m => !TrackingScope.TryParseMonth(m, out var first) || first <= BankCalendar.Today(clock)).WithMessage(_ => DomainText.Get("Tracking_MonthInFuture"))
            .WithName(_ => DomainText.Get("Tracking_Field_Month"));
}

internal sealed class GetRatesHandler(
    WorkLogsDbContext db, WorkLogsAccess access, IOrganisationDirectory directory, BankCalendar calendar, WorkLogSettings settings, IClock clock)
    : IQueryHandler<GetRatesQuery, RatesDto>
{
    public async ValueTask<RatesDto> Handle(GetRatesQuery query, CancellationToken cancellationToken)
    {
        var today = BankCalendar.Today(clock);
        var first = TrackingScope.TryParseMonth(query.Month, out var asked) ? asked : new DateOnly(today.Year, today.Month, 1);
        var subBranch = await TrackingScope.ResolveAsync(access, directory, query.SubBranchId, cancellationToken);
        var last = first.AddMonths(1).AddDays(-1);
        var days = WorkingDays(first, last < today ? last : today, today).ToList();

        var subBranches = subBranch is null
            ? (await directory.ListSubBranchesAsync(cancellationToken)).Where(u => !u.IsRetired).ToList()
            : [subBranch];
        var byId = subBranches.ToDictionary(s => s.Id);
        var members = await directory.ListActiveMembersAsync([.. byId.Keys], cancellationToken);
        var teamNames = await TrackingScope.TeamNamesAsync(directory, members.Select(m => m.UnitId), byId, cancellationToken);

        // One GROUP BY over the month's submitted logs on the counted days (index SubBranchId, Day, State).
        var logs = db.Logs.AsNoTracking().Where(l => l.State == LogState.Submitted && l.Day >= first && l.Day <= last && days.Contains(l.Day));
        var people = new List<PersonRateDto>();
        List<(Guid UnitId, Guid SubBranchId, LogTimeliness? Timeliness, int Count)> perTeam;
        if (subBranch is not null)
        {
            var counts = (await logs.Where(l => l.SubBranchId == subBranch.Id)
                    .GroupBy(l => new { l.AuthorId, l.Timeliness })
                    .Select(g => new { g.Key.AuthorId, g.Key.Timeliness, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.AuthorId);
            people = [.. members
                .Select(m => new PersonRateDto(m.UserId, m.DisplayName, m.UnitId, teamNames[m.UnitId], RateFigures.Of(
                    days.Count,
                    counts[m.UserId].Where(c => c.Timeliness == LogTimeliness.OnTime).Sum(c => c.Count),
                    counts[m.UserId].Where(c => c.Timeliness == LogTimeliness.Late).Sum(c => c.Count))))
                .OrderBy(p => p.Figures.Rate ?? 1m).ThenBy(p => p.Figures.OnTimeRate ?? 1m).ThenBy(p => p.DisplayName, StringComparer.Ordinal)];
            // Teams from the members' own units, counting only people still in the sub-branch.
            perTeam = [.. people.SelectMany(p => new (Guid, Guid, LogTimeliness?, int)[]
            {
                (p.UnitId, subBranch.Id, LogTimeliness.OnTime, p.Figures.OnTime),
                (p.UnitId, subBranch.Id, LogTimeliness.Late, p.Figures.Late),
            })];
        }
        else
        {
            perTeam = [.. (await logs
                    .GroupBy(l => new { l.SubBranchId, l.UnitId, l.Timeliness })
                    .Select(g => new { g.Key.SubBranchId, g.Key.UnitId, g.Key.Timeliness, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .Select(c => (c.UnitId, c.SubBranchId, c.Timeliness, c.Count))];
        }

        var teamMembers = members.GroupBy(m => (m.UnitId, m.InUnitId)).ToDictionary(g => g.Key, g => g.Count());
        var teams = teamMembers
            .Select(t => new TeamRateDto(t.Key.UnitId, teamNames[t.Key.UnitId], t.Key.InUnitId, t.Value, RateFigures.Of(
                t.Value * days.Count,
                perTeam.Where(c => c.UnitId == t.Key.UnitId && c.SubBranchId == t.Key.InUnitId && c.Timeliness == LogTimeliness.OnTime).Sum(c => c.Count),
                perTeam.Where(c => c.UnitId == t.Key.UnitId && c.SubBranchId == t.Key.InUnitId && c.Timeliness == LogTimeliness.Late).Sum(c => c.Count))))
            .OrderBy(t => t.Figures.Rate ?? 1m).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var branches = subBranches
            .Select(s =>
            {
                var own = teams.Where(t => t.SubBranchId == s.Id).ToList();
                return new SubBranchRateDto(s.Id, s.Code, s.Name, own.Sum(t => t.Members), RateFigures.Of(
                    own.Sum(t => t.Figures.Expected), own.Sum(t => t.Figures.OnTime), own.Sum(t => t.Figures.Late)));
            })
            .OrderBy(s => s.Figures.Rate ?? 1m).ThenBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        return new RatesDto(first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), first, last, days, subBranch?.Id, branches, teams, people);
    }

    private IEnumerable<DateOnly> WorkingDays(DateOnly from, DateOnly to, DateOnly today)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day) && (day < today || clock.UtcNow > settings.Window.CutOffUtc(day)))
            {
                yield return day;
            }
        }
    }
}

internal static class GetRatesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/rates", async Task<Ok<RatesDto>> (string? month, Guid? subBranchId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRatesQuery(month, subBranchId), ct)))
            .WithName("GetWorkLogRates")
            .WithSummary("A month's log submission rates (working days up to today) per person, team and sub-branch, late shown apart; head office without a sub-branch gets teams and sub-branches (its managers, head office supervisors).");
}
