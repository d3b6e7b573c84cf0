using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Resources.Contracts;

namespace BranchNetwork.Modules.Resources.Features.Shared;

/// <summary>
/// What every change of a request tells people (RR-2: "every step notifies the next approvers and the requester live"),
/// as events in the same save: inbox notifications with a link to the request, and a live signal to everyone following
/// it, so an open request page re-reads itself. Texts are keys of ResourcesText (<c>Notify_*</c>) rendered in each
/// reader's language.
/// </summary>
internal sealed class RequestNotifier(ResourcesDbContext db, IClock clock)
{
    public const string NotificationKind = "resources";

    /// <summary>The live topic an open request page listens for.</summary>
    public static string Topic(Guid requestId) => $"resources:request:{requestId}";

    public static LocalizedText Text(string key, params string[] args) => LocalizedText.Of($"{ResourcesModule.TextPrefix}:{key}", args);

    /// <summary>The step now deciding: its waiting approvers are asked to decide (one by one: the one whose turn it is).</summary>
    public void AskWaitingApprovers(ResourceRequest request)
    {
        var waiting = request.WaitingApprovers().Select(a => a.UserId).Distinct().ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        Notify(waiting, Text("Notify_DecideTitle", request.SubBranchName, request.Title), Body(request), request);
    }

    /// <summary>Asks these approvers to decide (the ones newly waiting after an action: the next step, the next in line, a colleague or an added signer).</summary>
    public void AskApprovers(ResourceRequest request, IReadOnlyList<Guid> approverIds)
    {
        if (approverIds.Count > 0)
        {
            Notify(approverIds, Text("Notify_DecideTitle", request.SubBranchName, request.Title), Body(request), request);
        }
    }

    /// <summary>The daily SLA reminder: the step's waiting approvers hear that it is past its due time.</summary>
    public void RemindOverdue(ResourceRequest request, RequestStep step, IReadOnlyList<Guid> approverIds)
    {
        if (approverIds.Count > 0)
        {
            Notify(approverIds, Text("Notify_OverdueTitle", step.Name, request.Title), Body(request), request);
        }
    }

    /// <summary>Tells the requester what happened (a decision, a return, the final result) and copies the step's CC recipients.</summary>
    public void TellRequester(ResourceRequest request, RequestStep? step, string titleKey, string actorName)
    {
        var title = Text(titleKey, actorName, request.Title);
        Notify([request.RequesterId], title, Body(request), request);
        if (step is not null && step.Cc.Count > 0)
        {
            Notify([.. step.Cc.Select(c => c.UserId).Where(id => id != request.RequesterId).Distinct()], title, Body(request), request);
        }
    }

    /// <summary>A live nudge to the requester and every approver of the request: their open pages re-read it.</summary>
    public void Signal(ResourceRequest request)
    {
        var people = request.Steps.SelectMany(s => s.Approvers).Select(a => a.UserId).Append(request.RequesterId).Distinct();
        foreach (var userId in people)
        {
            db.AddIntegrationEvent(new UserLiveSignalRequested(Guid.CreateVersion7(), clock.UtcNow, userId, Topic(request.Id)));
        }
    }

    public void Notify(IReadOnlyList<Guid> recipients, LocalizedText title, LocalizedText body, ResourceRequest request)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        db.AddIntegrationEvent(new NotificationsRequested(
            Guid.CreateVersion7(),
            clock.UtcNow,
            NotificationKind,
            [new NotificationItem(recipients, title, body, ResourceLinks.Request(request.Id))]));
    }

    /// <summary>"人员 2 人 · 需 2026-06-10前" and the like: the kind, what is asked and by when.</summary>
    private static LocalizedText Body(ResourceRequest request) =>
        Text(
            "Notify_Body_" + request.Kind,
            request.Asked.ToString("0.##", CultureInfo.InvariantCulture),
            request.Unit ?? request.ItemName ?? "",
            request.NeededBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            request.ItemName ?? request.BudgetCategory ?? "");
}
