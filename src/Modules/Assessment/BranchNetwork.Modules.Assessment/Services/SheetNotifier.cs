using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Assessment.Services;

/// <summary>Queues notifications in this module's outbox, in the same transaction as the change they report.</summary>
internal sealed class SheetNotifier(AssessmentDbContext db, IOrganisationDirectory directory, IClock clock)
{
    public const string Kind = "assessment";

    public static string SheetLink(Guid schemeId, Guid subBranchId) => $"/assessment/schemes/{schemeId}/sheets/{subBranchId}";

    public static string SchemeLink(Guid schemeId) => $"/assessment/schemes/{schemeId}";

    public Task<IReadOnlyList<Guid>> SubBranchHeadsAsync(Guid subBranchId, CancellationToken ct) =>
        directory.ListActiveUserIdsAsync(subBranchId, BankRoles.SubBranchHead, ct);

    public async Task ToSubBranchHeadsAsync(Guid subBranchId, string title, string body, string link, CancellationToken ct) =>
        ToUsers(await SubBranchHeadsAsync(subBranchId, ct), title, body, link);

    /// <summary>Heads of every listed sub-branch.</summary>
    public async Task ToSubBranchHeadsAsync(IEnumerable<Guid> subBranchIds, string title, string body, string link, CancellationToken ct)
    {
        foreach (var sub in subBranchIds)
        {
            await ToSubBranchHeadsAsync(sub, title, body, link, ct);
        }
    }

    public async Task ToRoleAsync(string role, string title, string body, string link, CancellationToken ct) =>
        ToUsers(await directory.ListActiveUserIdsAsync(null, role, ct), title, body, link);

    public void ToUsers(IReadOnlyList<Guid> recipients, string title, string body, string link)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        db.AddIntegrationEvent(new UserNotificationRequested(Guid.CreateVersion7(), clock.UtcNow, recipients.Distinct().ToList(), Kind, title, body, link));
    }
}
