using System.Globalization;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using BranchNetwork.SharedKernel.Modules;
using Mediator;

namespace BranchNetwork.Modules.Resources.Features.GetHomeFigures;

internal static class ResourcesHomeCards
{
    /// <summary>本支行资源申请: the own sub-branch's requests under way, the returned ones first (SPEC §9 "requests waiting").</summary>
    public const string SubBranchRequests = "ResourcesSubBranchRequests";

    /// <summary>待我审批的资源申请: requests at my step, overdue ones counted (SPEC §9 "requests at my step").</summary>
    public const string AtMyStep = "ResourcesAtMyStep";

    /// <summary>At most this many returned requests are named on the head's card.</summary>
    public const int ReturnedShown = 4;

    public static readonly string[] Requesters = [BankRoles.SubBranchHead, BankRoles.DepartmentManager];
}

/// <summary>
/// The Resources home cards (SPEC §9) in one read, each filled only for a holder of its role, each from one database
/// query: a sub-branch head's or manager's requests under way (submitted, in review, returned), the returned ones — which
/// wait for them — named in red; a head-office supervisor's requests waiting at their step, with how many are past the
/// step's time limit.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.HeadOfficeSupervisor)]
[BoundedList("one figure per home card the module contributes")]
internal sealed record GetResourcesHomeFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetResourcesHomeFiguresHandler(ResourcesDbContext db, ResourcesAccess access, IClock clock)
    : IQueryHandler<GetResourcesHomeFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public async ValueTask<IReadOnlyList<HomeFigure>> Handle(GetResourcesHomeFiguresQuery query, CancellationToken cancellationToken)
    {
        var figures = new List<HomeFigure>();
        if (query.CardKeys.Contains(ResourcesHomeCards.SubBranchRequests) && access.IsRequesterRole)
        {
            figures.Add(await SubBranchRequestsAsync(cancellationToken));
        }

        if (query.CardKeys.Contains(ResourcesHomeCards.AtMyStep) && access.IsSupervisor && access.User.UserId is { } me)
        {
            figures.Add(await AtMyStepAsync(me, cancellationToken));
        }

        return figures;
    }

    private async Task<HomeFigure> SubBranchRequestsAsync(CancellationToken ct)
    {
        if (await access.OwnSubBranchAsync(ct) is not { } own)
        {
            return new HomeFigure(ResourcesHomeCards.SubBranchRequests, "0", DomainText.Get("History_NoSubBranch"), ResourceLinks.Requests);
        }

        // One query: the requests under way (a sub-branch has a handful), the returned ones — waiting for the sub-branch — named.
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.SubBranchId == own && (r.State == RequestState.Submitted || r.State == RequestState.InReview || r.State == RequestState.Returned))
            .OrderByDescending(r => r.LastActionAtUtc)
            .Select(r => new { r.Id, r.Title, r.State })
            .ToListAsync(ct);
        var inFlight = rows.Count;
        var returned = rows.Count(r => r.State == RequestState.Returned);
        var caption = inFlight == 0 ? DomainText.Get("Card_SubBranchRequests_None")
            : returned > 0 ? DomainText.Format("Card_SubBranchRequests_Returned", returned)
            : DomainText.Get("Card_SubBranchRequests_InReview");
        var heat = rows.Where(r => r.State == RequestState.Returned).Take(ResourcesHomeCards.ReturnedShown)
            .Select(r => new HeatCell(r.Title, DomainText.Get("Card_SubBranchRequests_ReturnedHint"), HeatLevel.Behind, ResourceLinks.Request(r.Id)))
            .ToList();
        return new HomeFigure(ResourcesHomeCards.SubBranchRequests, Count(inFlight), caption, ResourceLinks.Requests, heat.Count > 0 ? heat : null);
    }

    private async Task<HomeFigure> AtMyStepAsync(Guid me, CancellationToken ct)
    {
        // One query: my waiting places at the deciding step of a request under review (one by one: only when it is my
        // turn, no one before me still waiting), with the step's due time.
        var mine = await (
                from a in db.StepApprovers
                where a.UserId == me && a.Status == ApproverStatus.Waiting
                join s in db.Steps on a.StepId equals s.Id
                where s.Outcome == StepOutcome.Pending && s.StartedAtUtc != null
                join r in db.Requests on s.RequestId equals r.Id
                where (r.State == RequestState.Submitted || r.State == RequestState.InReview) && r.Round == s.Round && r.CurrentStepIndex == s.Index
                    && (s.Mode != StepMode.OneByOne || !db.StepApprovers.Any(o => o.StepId == s.Id && o.Status == ApproverStatus.Waiting && o.Order < a.Order))
                select new { RequestId = r.Id, s.DueAtUtc })
            .AsNoTracking()
            .Distinct()
            .ToListAsync(ct);
        var now = clock.UtcNow;
        var waiting = mine.Select(m => m.RequestId).Distinct().Count();
        var overdue = mine.Where(m => m.DueAtUtc < now).Select(m => m.RequestId).Distinct().Count();
        var caption = waiting == 0 ? DomainText.Get("Card_AtMyStep_None")
            : overdue > 0 ? DomainText.Format("Card_AtMyStep_Overdue", overdue)
            : DomainText.Get("Card_AtMyStep_InTime");
        return new HomeFigure(ResourcesHomeCards.AtMyStep, Count(waiting), caption, ResourceLinks.Approvals);
    }

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
