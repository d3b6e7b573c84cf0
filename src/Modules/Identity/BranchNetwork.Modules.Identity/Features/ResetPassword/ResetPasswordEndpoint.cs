using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.ResetPassword;

internal sealed record ResetPasswordBody(string NewPassword);

internal static class ResetPasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/users/{id:guid}/reset-password", async Task<Ok<UserSummary>> (Guid id, ResetPasswordBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ResetPasswordCommand(id, body.NewPassword), ct)))
            .WithName("ResetPassword")
            .WithSummary("Sets a new password and lifts a lockout (SystemAdmin).");
}
