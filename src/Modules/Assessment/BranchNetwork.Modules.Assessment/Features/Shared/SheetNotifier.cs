using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;

namespace BranchNetwork.Modules.Assessment.Features.Shared;

/// <summary>A notification to the heads of one sub-branch: title and body as resource keys with arguments.</summary>
internal sealed record SubBranchNotice(Guid SubBranchId, LocalizedText Title, LocalizedText Body, string Link);

/// <summary>
/// Queues notifications in this module's outbox, in the same transaction as the change they report: one
/// <see cref="NotificationsRequested"/> per change, however many sub-branches it reaches, and one directory query for
/// all their heads. Texts are keys of <c>AssessmentText.resx</c> (prefix <see cref="Kind"/>), rendered in the reader's language.
/// </summary>
internal sealed class SheetNotifier(AssessmentDbContext db, IOrganisationDirectory directory, IClock clock)
{
    public const string Kind = "assessment";

    public static string SheetLink(Guid schemeId, Guid subBranchId) => $"/assessment/schemes/{schemeId}/sheets/{subBranchId}";

    public static string SchemeLink(Guid schemeId) => $"/assessment/schemes/{schemeId}";

    /// <summary><c>assessment:&lt;key&gt;</c> with its arguments; <paramref name="key"/> is a key of AssessmentText.resx.</summary>
    public static LocalizedText Text(string key, params string[] args) => new($"{Kind}:{key}", args);

    /// <summary>Free text (a message, a reason) as a body, cut to a readable length.</summary>
    public static LocalizedText Verbatim(string text) => Text("NotifyText", Truncate(text));

    /// <summary>Dates in arguments as the resources show them.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Truncate(string body) => body.Length <= 500 ? body : body[..497] + "…";

    /// <summary>Heads of each listed sub-branch, in one directory query.</summary>
    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> SubBranchHeadsAsync(IReadOnlyCollection<Guid> subBranchIds, CancellationToken ct) =>
        directory.ListActiveUserIdsByUnitAsync(subBranchIds, BankRoles.SubBranchHead, ct);

    /// <summary>Each notice to the heads of its sub-branch: one directory query, one event.</summary>
    public async Task ToSubBranchHeadsAsync(IReadOnlyList<SubBranchNotice> notices, CancellationToken ct)
    {
        if (notices.Count == 0)
        {
            return;
        }

        var heads = await SubBranchHeadsAsync(notices.Select(n => n.SubBranchId).Distinct().ToList(), ct);
        Send(notices.Select(n => new NotificationItem(heads.GetValueOrDefault(n.SubBranchId) ?? [], n.Title, n.Body, n.Link)).ToList());
    }

    public async Task ToRoleAsync(string role, LocalizedText title, LocalizedText body, string link, CancellationToken ct) =>
        Send([new NotificationItem(await directory.ListActiveUserIdsAsync(null, role, ct), title, body, link)]);

    /// <summary>Queues one event for every item that has someone to reach; recipients are de-duplicated per item.</summary>
    public void Send(IReadOnlyList<NotificationItem> items)
    {
        var reaching = items.Where(i => i.RecipientIds.Count > 0).Select(i => i with { RecipientIds = i.RecipientIds.Distinct().ToList() }).ToList();
        if (reaching.Count == 0)
        {
            return;
        }

        db.AddIntegrationEvent(new NotificationsRequested(Guid.CreateVersion7(), clock.UtcNow, Kind, reaching));
    }
}
