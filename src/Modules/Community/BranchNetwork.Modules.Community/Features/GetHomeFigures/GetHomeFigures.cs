using System.Globalization;
using BranchNetwork.Modules.Community.Contracts;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using BranchNetwork.SharedKernel.Modules;
using Mediator;

namespace BranchNetwork.Modules.Community.Features.GetHomeFigures;

internal static class CommunityHomeCards
{
    /// <summary>回复我的: replies to my threads since I last looked (SPEC §9 staff "replies").</summary>
    public const string RepliesToMe = "CommunityRepliesToMe";

    /// <summary>提到我的: posts mentioning me since I last looked (SPEC §9 staff "mentions").</summary>
    public const string Mentions = "CommunityMentions";

    /// <summary>The 与我相关 list both cards open.</summary>
    public const string ActivityLink = CommunityLinks.Home + "?tab=mine";

    /// <summary>Everyone who takes part in the community (the auditor reads only; the administrators take no part).</summary>
    public static readonly string[] Participants =
    [
        BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor,
        BankRoles.TaskAdmin, BankRoles.Moderator,
    ];
}

/// <summary>
/// The staff home cards (SPEC §9 "mentions and replies"), live: replies to the caller's threads and posts mentioning the
/// caller since the caller last looked at 与我相关 (at most 90 days back), each linking to that list. A card with
/// nothing new shows 0 and says so.
/// </summary>
[AnySignedInUser]
[BoundedList("one figure per home card the module contributes")]
internal sealed record GetCommunityHomeFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetCommunityHomeFiguresHandler(CommunityDbContext db, CommunityAccess access, IClock clock)
    : IQueryHandler<GetCommunityHomeFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public async ValueTask<IReadOnlyList<HomeFigure>> Handle(GetCommunityHomeFiguresQuery query, CancellationToken cancellationToken)
    {
        var figures = new List<HomeFigure>();
        var wantsReplies = query.CardKeys.Contains(CommunityHomeCards.RepliesToMe);
        var wantsMentions = query.CardKeys.Contains(CommunityHomeCards.Mentions);
        if ((!wantsReplies && !wantsMentions) || access.User.UserId is not { } me)
        {
            return figures;
        }

        var boards = await access.VisibleBoardsAsync(cancellationToken);
        var seen = await ActivityQueries.SeenAsync(db, me, clock.UtcNow, cancellationToken);
        if (wantsReplies)
        {
            var count = await ActivityQueries.RepliesTo(db, me, boards, seen).CountAsync(cancellationToken);
            figures.Add(new HomeFigure(
                CommunityHomeCards.RepliesToMe, Count(count),
                count == 0 ? DomainText.Get("Card_RepliesToMe_None") : DomainText.Format("Card_RepliesToMe_Some", count), CommunityHomeCards.ActivityLink));
        }

        if (wantsMentions)
        {
            var name = await access.DisplayNameAsync(cancellationToken);
            var count = await SearchIndex.Mentioning(db, name, me, boards, seen, null).CountAsync(cancellationToken);
            figures.Add(new HomeFigure(
                CommunityHomeCards.Mentions, Count(count),
                count == 0 ? DomainText.Get("Card_Mentions_None") : DomainText.Format("Card_Mentions_Some", count), CommunityHomeCards.ActivityLink));
        }

        return figures;
    }

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
