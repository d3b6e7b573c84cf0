using BranchNetwork.Modules.Notifications.Features.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Notifications.Features.PublishAnnouncement;

internal static class PublishAnnouncementEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/announcements", async Task<Created<AnnouncementSummary>> (PublishAnnouncementCommand command, ISender sender, CancellationToken ct) =>
            {
                var announcement = await sender.Send(command, ct);
                return TypedResults.Created($"/api/notifications/announcements/{announcement.Id}", announcement);
            })
            .WithName("PublishAnnouncement")
            .WithSummary("Publishes an announcement to everyone, a unit (with its children) and/or a role (HeadOfficeSupervisor, SystemAdmin).");
}
