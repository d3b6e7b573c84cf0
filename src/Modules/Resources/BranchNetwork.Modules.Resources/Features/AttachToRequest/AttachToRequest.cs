using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.AttachToRequest;

/// <summary>
/// RR-1 attachments: the requester adds a file (a quotation, a list of names) to their draft or returned request, at most
/// <see cref="ResourceRequest.MaxAttachments"/>. The file store checks the type by content and the size, and asks
/// <see cref="RequestAttachmentPolicy"/> again.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager)]
[RequestBodyLimit(RequestAttachmentPolicy.MaxBytes + RequestBodyLimitAttribute.MultipartOverhead)]
internal sealed record AttachToResourceRequestCommand(Guid RequestId, string FileName, Stream Content) : ICommand<ResourceRequestDetail>;

internal sealed class AttachToResourceRequestHandler(ResourcesDbContext db, ResourcesAccess access, IFileStore files, IClock clock)
    : ICommandHandler<AttachToResourceRequestCommand, ResourceRequestDetail>
{
    public async ValueTask<ResourceRequestDetail> Handle(AttachToResourceRequestCommand command, CancellationToken cancellationToken)
    {
        var me = await access.MeAsync(cancellationToken);

        // The request's own rules first, on a copy that is never saved (the requester, a draft, room for one more): a
        // refused file is never stored.
        var copy = await db.RequestsWithSteps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken)
            ?? throw ResourcesAccess.RequestNotFound();
        await access.EnsureCanReadAsync(copy, cancellationToken);
        copy.Attach(new RequestAttachment(Guid.Empty, command.FileName), me, clock.UtcNow);

        var stored = await files.SaveAsync(RequestAttachmentPolicy.Purpose.Name, copy.Id, command.FileName, command.Content, cancellationToken);
        var request = await RequestViews.ChangeAsync(db, access, command.RequestId, null, request =>
        {
            request.Attach(new RequestAttachment(stored.Id, stored.FileName), me, clock.UtcNow);
            return Task.CompletedTask;
        }, cancellationToken);
        return RequestViews.Detail(request, access, clock.UtcNow);
    }
}

/// <summary>
/// Who reads and attaches a request's files: whoever may read the request reads them; only its requester attaches, while
/// it is a draft or returned to them. Everyone else is not told the request exists.
/// </summary>
internal sealed class RequestAttachmentPolicy(ResourcesDbContext db, ResourcesAccess access) : IFileAccessPolicy
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly FilePurpose Purpose = new(
        "resources.request", MaxBytes, [FileKind.Pdf, FileKind.Png, FileKind.Jpeg, FileKind.Xlsx, FileKind.Docx, FileKind.Text], ResourceRequest.MaxAttachments);

    FilePurpose IFileAccessPolicy.Purpose => Purpose;

    public async Task<FileOwnerAccess> GetAccessAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var request = await db.RequestsWithSteps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ownerId, cancellationToken);
        if (request is null || access.User.UserId is not { } me || !await access.CanReadAsync(request, cancellationToken))
        {
            return FileOwnerAccess.None;
        }

        return request.RequesterId == me && request.State is RequestState.Draft or RequestState.Returned
            ? FileOwnerAccess.ReadAndAttach
            : FileOwnerAccess.Read;
    }
}

internal static class AttachToRequestEndpoint
{
    public const string FileField = "file";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests/{id:guid}/attachments", async Task<Ok<ResourceRequestDetail>> (Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var file = await UploadedFile.FormFileAsync(request, FileField, DomainText.Get("NeedsFile"), ct)
                    ?? throw new ValidationFailedException(FileField, DomainText.Get("NeedsFile"));
                await using var content = file.OpenReadStream();
                return TypedResults.Ok(await sender.Send(new AttachToResourceRequestCommand(id, file.FileName, content), ct));
            })
            .WithName("AttachToResourceRequest")
            .WithSummary("Attaches a file (multipart field `file`: PDF, PNG, JPEG, xlsx, docx or UTF-8 text, at most 10 MB) to the caller's draft or returned request, at most 10 per request (the requester only).");
}
