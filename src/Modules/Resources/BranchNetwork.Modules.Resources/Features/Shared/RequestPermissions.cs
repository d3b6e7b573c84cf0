namespace BranchNetwork.Modules.Resources.Features.Shared;

/// <summary>
/// What the caller may do with a request right now, computed from the same rules the entity enforces, so a page shows
/// only the buttons that will work (the handlers still check everything).
/// </summary>
internal sealed record RequestPermissions(
    bool Edit,
    bool Submit,
    bool Recall,
    bool Withdraw,
    bool Decide,
    bool Return,
    bool Transfer,
    bool AddSigner,
    bool Fulfil)
{
    public static RequestPermissions For(ResourceRequest request, Guid me, bool isSupervisor)
    {
        var isRequester = request.RequesterId == me;
        var withRequester = request.State is RequestState.Draft or RequestState.Returned;
        var myTurn = request.WaitingApprovers().Any(a => a.UserId == me);
        var roundSteps = request.CurrentRoundSteps.ToList();
        var opened = roundSteps.SelectMany(s => s.Approvers).Any(a => a.OpenedAtUtc != null);
        var decided = roundSteps.SelectMany(s => s.Approvers).Any(a => a.Status is ApproverStatus.Approved or ApproverStatus.Rejected);
        return new RequestPermissions(
            Edit: isRequester && withRequester,
            Submit: isRequester && withRequester,
            Recall: isRequester && request.State == RequestState.Submitted && !opened,
            Withdraw: isRequester && !request.IsFinal && (withRequester || !decided),
            Decide: myTurn,
            Return: myTurn,
            Transfer: myTurn,
            AddSigner: myTurn,
            Fulfil: isSupervisor && request.State is RequestState.Approved or RequestState.PartiallyApproved);
    }
}
