using System.Globalization;
using BranchNetwork.Modules.Notifications.Resources;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Notifications.Features.GetHomeFigures;

/// <summary>Everyone's home card: how many notifications wait unread in the inbox.</summary>
[AnySignedInUser]
[BoundedList("one figure per home card the module contributes")]
internal sealed record GetHomeFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetHomeFiguresHandler(NotificationsDbContext db, ICurrentUser currentUser, IStringLocalizer<NotificationsText> text)
    : IQueryHandler<GetHomeFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public const string Unread = "Unread";

    public async ValueTask<IReadOnlyList<HomeFigure>> Handle(GetHomeFiguresQuery query, CancellationToken cancellationToken)
    {
        if (!query.CardKeys.Contains(Unread))
        {
            return [];
        }

        var userId = currentUser.RequireUserId();
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, cancellationToken);
        var total = await mine.CountAsync(cancellationToken);
        var caption = unread == 0 ? text["Card_Unread_None"].Value : string.Format(CultureInfo.CurrentCulture, text["Card_Unread_Total"], total);
        return [new HomeFigure(Unread, unread.ToString("#,0", CultureInfo.InvariantCulture), caption, "/notifications")];
    }
}
