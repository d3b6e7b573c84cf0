using System.Globalization;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.GetHistory;

/// <summary>
/// 申请统计 (RR-3): per sub-branch, kind and month of submission (China time), how many requests were submitted, what they
/// asked and what head office granted, with the totals per kind. A sub-branch's heads and managers see their own
/// sub-branch; head office's supervisors and the auditor see all, or one sub-branch they choose. The months are
/// <c>yyyy-MM</c> (2000–2100), at most <see cref="GetResourceHistoryValidator.MaxMonths"/> of them; without them the last
/// six months up to this one. <paramref name="Kind"/> is People, Money or Material.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.HeadOfficeSupervisor, BankRoles.Auditor)]
[BoundedList("one cell per sub-branch, kind, unit and month of at most 36 months; the sub-branches of the bank")]
internal sealed record GetResourceHistoryQuery(string? From, string? To, string? Kind, Guid? SubBranchId) : IQuery<ResourceHistoryDto>;

/// <summary>
/// One sub-branch's requests of one kind submitted in one month. <see cref="Asked"/> is in the kind's measure (persons,
/// yuan, the material's <see cref="Unit"/>). <see cref="Decided"/> counts the requests head office has decided (approved,
/// partially approved, rejected or fulfilled), <see cref="DecidedAsked"/> what those asked and <see cref="Granted"/> what
/// was granted to them, so granted ÷ decided asked is the share head office met.
/// </summary>
internal sealed record ResourceHistoryCell(
    Guid SubBranchId, string SubBranchName, ResourceKind Kind, string? Unit, string Month, int Requests, int Decided, decimal Asked, decimal DecidedAsked, decimal Granted);

/// <summary>The totals of one kind (material: of one unit) over the period and the sub-branches shown.</summary>
internal sealed record ResourceHistoryTotal(ResourceKind Kind, string? Unit, int Requests, int Decided, decimal Asked, decimal DecidedAsked, decimal Granted);

/// <summary>A sub-branch the caller may choose.</summary>
internal sealed record ResourceHistorySubBranch(Guid Id, string Name);

/// <summary>The period (<see cref="Months"/> from <see cref="From"/> to <see cref="To"/>), the cells, the totals and the choosable sub-branches.</summary>
internal sealed record ResourceHistoryDto(
    string From,
    string To,
    IReadOnlyList<string> Months,
    ResourceKind? Kind,
    Guid? SubBranchId,
    int Requests,
    IReadOnlyList<ResourceHistoryCell> Cells,
    IReadOnlyList<ResourceHistoryTotal> Totals,
    IReadOnlyList<ResourceHistorySubBranch> SubBranches);

internal sealed class GetResourceHistoryValidator : AbstractValidator<GetResourceHistoryQuery>
{
    public const int MaxMonths = 36;

    public GetResourceHistoryValidator()
    {
        RuleFor(q => q.From)
            .Must(m => string.IsNullOrEmpty(m) || HistoryPeriod.TryParseMonth(m, out _)).WithMessage(_ => DomainText.Get("History_MonthInvalid"))
            .WithName(_ => DomainText.Get("History_Field_From"));
        RuleFor(q => q.To)
            .Must(m => string.IsNullOrEmpty(m) || HistoryPeriod.TryParseMonth(m, out _)).WithMessage(_ => DomainText.Get("History_MonthInvalid"))
            .Must((q, m) => !HistoryPeriod.TryParseMonth(q.From, out var from) || !HistoryPeriod.TryParseMonth(m, out var to) || from <= to)
            .WithMessage(_ => DomainText.Get("History_ToBeforeFrom"))
            .Must((q, m) => !HistoryPeriod.TryParseMonth(q.From, out var from) || !HistoryPeriod.TryParseMonth(m, out var to) || HistoryPeriod.MonthsBetween(from, to) <= MaxMonths)
            .WithMessage(_ => DomainText.Format("History_TooManyMonths", MaxMonths))
            .WithName(_ => DomainText.Get("History_Field_To"));
        RuleFor(q => q.Kind)
            .Must(k => string.IsNullOrEmpty(k) || HistoryPeriod.TryParseKind(k, out _)).WithMessage(_ => DomainText.Get("History_KindInvalid"))
            .WithName(_ => DomainText.Get("History_Field_Kind"));
    }
}

/// <summary>Months of the history: <c>yyyy-MM</c> in China time, 2000–2100.</summary>
internal static class HistoryPeriod
{
    public const int DefaultMonths = 6;

    /// <summary>China is UTC+8 all year (no daylight saving): a submission's China month is its UTC time plus eight hours.</summary>
    public const int ChinaOffsetHours = 8;

    public static bool TryParseMonth(string? text, out DateOnly firstDay)
    {
        var ok = DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 2100;
        firstDay = ok ? new DateOnly(parsed.Year, parsed.Month, 1) : default;
        return ok;
    }

    public static bool TryParseKind(string? text, out ResourceKind kind)
    {
        kind = default;
        var name = Enum.GetNames<ResourceKind>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out kind);
    }

    public static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;

    public static string Month(DateOnly firstDay) => firstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The period asked for, or the last six months up to this one (China time).</summary>
    public static (DateOnly From, DateOnly To) Resolve(string? from, string? to, DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var hasFrom = TryParseMonth(from, out var first);
        var hasTo = TryParseMonth(to, out var last);
        return (hasFrom, hasTo) switch
        {
            (true, true) => (first, last),
            (true, false) => (first, first > thisMonth ? first : thisMonth),
            (false, true) => (last.AddMonths(-(DefaultMonths - 1)), last),
            _ => (thisMonth.AddMonths(-(DefaultMonths - 1)), thisMonth),
        };
    }
}

internal sealed class GetResourceHistoryHandler(ResourcesDbContext db, ResourcesAccess access, IOrganisationDirectory directory, IClock clock)
    : IQueryHandler<GetResourceHistoryQuery, ResourceHistoryDto>
{
    public async ValueTask<ResourceHistoryDto> Handle(GetResourceHistoryQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = HistoryPeriod.Resolve(query.From, query.To, BankCalendar.Today(clock));
        ResourceKind? kind = HistoryPeriod.TryParseKind(query.Kind, out var k) ? k : null;
        var subBranches = (await directory.ListSubBranchesAsync(cancellationToken)).ToList();
        var scope = await ScopeAsync(query.SubBranchId, subBranches, cancellationToken);

        var fromUtc = ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = ChinaTime.ToUtc(to.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var requests = db.Requests.AsNoTracking()
            .Where(r => r.State != RequestState.Draft && r.SubmittedAtUtc >= fromUtc && r.SubmittedAtUtc < toUtc);
        if (scope is { } only)
        {
            requests = requests.Where(r => r.SubBranchId == only);
        }

        if (kind is { } wanted)
        {
            requests = requests.Where(r => r.Kind == wanted);
        }

        // One GROUP BY in the database (index SubmittedAtUtc, Kind): never the requests themselves. A money request has
        // no quantity and the others no amount, so amount + quantity is what was asked in the kind's measure.
        var groups = await requests
            .GroupBy(r => new
            {
                r.SubBranchId,
                r.Kind,
                r.Unit,
                Year = r.SubmittedAtUtc!.Value.AddHours(HistoryPeriod.ChinaOffsetHours).Year,
                Month = r.SubmittedAtUtc!.Value.AddHours(HistoryPeriod.ChinaOffsetHours).Month,
            })
            .Select(g => new
            {
                g.Key.SubBranchId,
                g.Key.Kind,
                g.Key.Unit,
                g.Key.Year,
                g.Key.Month,
                Requests = g.Count(),
                Decided = g.Sum(r => r.State == RequestState.Approved || r.State == RequestState.PartiallyApproved || r.State == RequestState.Rejected || r.State == RequestState.Fulfilled ? 1 : 0),
                Asked = g.Sum(r => (r.Amount ?? 0m) + (r.Quantity ?? 0m)),
                DecidedAsked = g.Sum(r => r.State == RequestState.Approved || r.State == RequestState.PartiallyApproved || r.State == RequestState.Rejected || r.State == RequestState.Fulfilled
                    ? (r.Amount ?? 0m) + (r.Quantity ?? 0m) : 0m),
                Granted = g.Sum(r => r.State == RequestState.Approved || r.State == RequestState.PartiallyApproved || r.State == RequestState.Fulfilled ? r.Granted ?? 0m : 0m),
            })
            .ToListAsync(cancellationToken);

        var names = subBranches.ToDictionary(s => s.Id, s => s.Name);
        // People's unit is always persons and money has none: only material is told apart by its unit.
        var cells = groups
            .GroupBy(g => (g.SubBranchId, g.Kind, Unit: g.Kind == ResourceKind.Material ? g.Unit : null, Month: HistoryPeriod.Month(new DateOnly(g.Year, g.Month, 1))))
            .Select(c => new ResourceHistoryCell(
                c.Key.SubBranchId, names.GetValueOrDefault(c.Key.SubBranchId, ""), c.Key.Kind, c.Key.Unit, c.Key.Month,
                c.Sum(x => x.Requests), c.Sum(x => x.Decided), c.Sum(x => x.Asked), c.Sum(x => x.DecidedAsked), c.Sum(x => x.Granted)))
            .OrderBy(c => c.SubBranchName, StringComparer.Ordinal).ThenBy(c => c.Kind).ThenBy(c => c.Unit, StringComparer.Ordinal).ThenBy(c => c.Month, StringComparer.Ordinal)
            .ToList();
        var totals = cells
            .GroupBy(c => (c.Kind, c.Unit))
            .Select(t => new ResourceHistoryTotal(t.Key.Kind, t.Key.Unit, t.Sum(c => c.Requests), t.Sum(c => c.Decided), t.Sum(c => c.Asked), t.Sum(c => c.DecidedAsked), t.Sum(c => c.Granted)))
            .OrderBy(t => t.Kind).ThenBy(t => t.Unit, StringComparer.Ordinal)
            .ToList();
        var months = Enumerable.Range(0, HistoryPeriod.MonthsBetween(from, to)).Select(i => HistoryPeriod.Month(from.AddMonths(i))).ToList();
        var choosable = access.ReadsAll
            ? subBranches.Where(s => !s.IsRetired || s.Id == scope).Select(s => new ResourceHistorySubBranch(s.Id, s.Name)).ToList()
            : subBranches.Where(s => s.Id == scope).Select(s => new ResourceHistorySubBranch(s.Id, s.Name)).ToList();
        return new ResourceHistoryDto(HistoryPeriod.Month(from), HistoryPeriod.Month(to), months, kind, scope, cells.Sum(c => c.Requests), cells, totals, choosable);
    }

    /// <summary>
    /// The sub-branch to count, or null for all. Head office and the auditor may choose any; a sub-branch's heads and
    /// managers only their own — another sub-branch is not found (404), as a request they may not read.
    /// </summary>
    private async Task<Guid?> ScopeAsync(Guid? requested, IReadOnlyList<OrgUnitInfo> subBranches, CancellationToken ct)
    {
        if (access.ReadsAll)
        {
            return requested is { } wanted && subBranches.All(s => s.Id != wanted) ? throw SubBranchNotFound() : requested;
        }

        var own = await access.OwnSubBranchAsync(ct) ?? throw new ForbiddenException("resources.no_sub_branch", DomainText.Get("History_NoSubBranch"));
        return requested is { } asked && asked != own ? throw SubBranchNotFound() : own;
    }

    private static NotFoundException SubBranchNotFound() => new("resources.sub_branch_not_found", DomainText.Get("History_SubBranchNotFound"));
}

internal static class GetResourceHistoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/history", async Task<Ok<ResourceHistoryDto>> (string? from, string? to, string? kind, Guid? subBranchId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetResourceHistoryQuery(from, to, kind, subBranchId), ct)))
            .WithName("GetResourceHistory")
            .WithSummary("Resource requests per sub-branch, kind and month of submission (China time): how many, asked and granted, with totals per kind; a sub-branch's heads and managers their own sub-branch, head office supervisors and the auditor all.");
}
