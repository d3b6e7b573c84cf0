using System.Globalization;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using BranchNetwork.SharedKernel.Modules;
using Mediator;

namespace BranchNetwork.Modules.Community.Features.GetModerationFigures;

internal static class ModerationHomeCards
{
    /// <summary>待审核: pending threads and replies of my boards.</summary>
    public const string ReviewQueue = "CommunityReviewQueue";

    /// <summary>举报: open reports of my boards.</summary>
    public const string Reports = "CommunityReports";

    /// <summary>即将到期: threads of my boards expiring in the next 7 days.</summary>
    public const string Expiring = "CommunityExpiring";

    public const string QueueLink = "/community/moderation";
    public const string ReportsLink = "/community/moderation?tab=reports";
    public const string ExpiringLink = "/community/moderation?tab=expiring";

    public static readonly string[] Roles = [BankRoles.Moderator];
}

/// <summary>
/// The moderator's home cards (SPEC §9), each a count over the boards the caller moderates: the review queue, open
/// reports (by item), content expiring in the next 7 days. One query each, only for the cards asked.
/// </summary>
[AnySignedInUser]
[BoundedList("one figure per home card the moderation area contributes")]
internal sealed record GetModerationFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetModerationFiguresHandler(CommunityDbContext db, CommunityAccess access, IClock clock)
    : IQueryHandler<GetModerationFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public async ValueTask<IReadOnlyList<HomeFigure>> Handle(GetModerationFiguresQuery query, CancellationToken cancellationToken)
    {
        var figures = new List<HomeFigure>();
        if (access.User.UserId is not { } me)
        {
            return figures;
        }

        var mine = db.BoardModerators.Where(m => m.UserId == me).Select(m => m.BoardId);
        if (query.CardKeys.Contains(ModerationHomeCards.ReviewQueue))
        {
            var threads = await db.Threads.CountAsync(t => t.State == PostState.PendingReview && mine.Contains(t.BoardId), cancellationToken);
            var replies = await db.Replies.CountAsync(r => r.State == PostState.PendingReview && mine.Contains(r.BoardId), cancellationToken);
            var count = threads + replies;
            figures.Add(new HomeFigure(ModerationHomeCards.ReviewQueue, Count(count),
                count == 0 ? DomainText.Get("Card_ReviewQueue_None") : DomainText.Format("Card_ReviewQueue_Waiting", threads, replies), ModerationHomeCards.QueueLink));
        }

        if (query.CardKeys.Contains(ModerationHomeCards.Reports))
        {
            var items = await db.Reports.Where(r => r.State == ReportState.Open && mine.Contains(r.BoardId)).Select(r => r.TargetId).Distinct().CountAsync(cancellationToken);
            figures.Add(new HomeFigure(ModerationHomeCards.Reports, Count(items),
                items == 0 ? DomainText.Get("Card_Reports_None") : DomainText.Get("Card_Reports_Open"), ModerationHomeCards.ReportsLink));
        }

        if (query.CardKeys.Contains(ModerationHomeCards.Expiring))
        {
            var until = clock.UtcNow.AddDays(7);
            var expiring = await db.Threads.CountAsync(t => t.State == PostState.Published && t.ExpiresAtUtc != null && t.ExpiresAtUtc <= until && mine.Contains(t.BoardId), cancellationToken);
            figures.Add(new HomeFigure(ModerationHomeCards.Expiring, Count(expiring),
                expiring == 0 ? DomainText.Get("Card_Expiring_None") : DomainText.Get("Card_Expiring_Soon"), ModerationHomeCards.ExpiringLink));
        }

        return figures;
    }

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
