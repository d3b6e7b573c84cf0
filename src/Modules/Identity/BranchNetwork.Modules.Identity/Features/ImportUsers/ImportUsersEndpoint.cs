using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.ImportUsers;

internal static class ImportUsersEndpoint
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/users/import", async Task<Ok<ImportUsersResult>> (HttpRequest request, ISender sender, IStringLocalizer<IdentityText> text, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ImportUsersCommand(await UploadedFile.ReadAsync(request, text, ct, MaxFileBytes)), ct)))
            .DisableAntiforgery()
            .WithName("ImportUsers")
            .WithSummary("Imports users from a CSV file (multipart field 'file'; UTF-8 or GB18030), all or nothing.");
}
