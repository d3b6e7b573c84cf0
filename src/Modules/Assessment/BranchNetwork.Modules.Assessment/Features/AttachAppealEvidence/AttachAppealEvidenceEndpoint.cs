using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.AttachAppealEvidence;

internal static class AttachAppealEvidenceEndpoint
{
    public const string FileField = "file";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/appeals/{id:guid}/attachments", async Task<Created<AppealAttachment>> (Guid id, HttpRequest request, ISender sender, IStringLocalizer<AppealEvidenceText> text, CancellationToken ct) =>
            {
                var file = await UploadedFile.FormFileAsync(request, FileField, text["NeedsFile"], ct);
                if (file is null)
                {
                    throw new ValidationFailedException(FileField, text["NeedsFile"]);
                }

                await using var content = file.OpenReadStream();
                var attachment = await sender.Send(new AttachAppealEvidenceCommand(id, file.FileName, content), ct);
                return TypedResults.Created(attachment.DownloadUrl, attachment);
            })
            .WithName("AttachAppealEvidence")
            .WithSummary("Adds an evidence file (multipart field `file`: PDF, PNG, JPEG, xlsx, docx or UTF-8 text, at most 10 MB) to a pending appeal (the head of its sub-branch).");
}
