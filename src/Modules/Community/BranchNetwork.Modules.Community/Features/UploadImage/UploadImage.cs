using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.UploadImage;

/// <summary>An uploaded image and the address a post embeds it by (<c>&lt;img src="/files/{id}"&gt;</c>, the only form the sanitiser accepts).</summary>
internal sealed record UploadedImage(Guid Id, string Src, string FileName, long SizeBytes);

/// <summary>
/// CM-1: a member uploads an image for a post of a board (PNG or JPEG, checked by content, at most 5 MB), kept by the
/// Files module under the board; the board's readers may download it.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
[RequestBodyLimit(CommunityImagePolicy.MaxBytes + RequestBodyLimitAttribute.MultipartOverhead)]
internal sealed record UploadImageCommand(Guid BoardId, string FileName, Stream Content) : ICommand<UploadedImage>;

internal sealed class UploadImageHandler(CommunityAccess access, ThreadRules rules, IFileStore files) : ICommandHandler<UploadImageCommand, UploadedImage>
{
    public async ValueTask<UploadedImage> Handle(UploadImageCommand command, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(command.BoardId, cancellationToken);
        await rules.EnsureMayPostAsync(board, cancellationToken);
        var stored = await files.SaveAsync(CommunityImagePolicy.Purpose.Name, board.Id, command.FileName, command.Content, cancellationToken);
        return new UploadedImage(stored.Id, stored.DownloadPath, stored.FileName, stored.SizeBytes);
    }
}

/// <summary>Who reads and adds a board's images: its readers read them; those who take part add them while the board is open.</summary>
internal sealed class CommunityImagePolicy(CommunityDbContext db, CommunityAccess access) : IFileAccessPolicy
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly FilePurpose Purpose = new("community.image", MaxBytes, [FileKind.Png, FileKind.Jpeg], 1_000_000);

    FilePurpose IFileAccessPolicy.Purpose => Purpose;

    public async Task<FileOwnerAccess> GetAccessAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        if (access.User.UserId is null)
        {
            return FileOwnerAccess.None;
        }

        var board = await db.Boards.AsNoTracking().Include(b => b.Moderators).FirstOrDefaultAsync(b => b.Id == ownerId, cancellationToken);
        if (board is null || !await access.CanReadAsync(board, cancellationToken))
        {
            return FileOwnerAccess.None;
        }

        var takesPart = !access.IsAuditor && !access.User.IsInRole(BankRoles.SystemAdmin) && !access.User.IsInRole(BankRoles.SecurityAdmin);
        return takesPart && !board.IsArchived ? FileOwnerAccess.ReadAndAttach : FileOwnerAccess.Read;
    }
}

internal static class UploadImageEndpoint
{
    public const string FileField = "file";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/boards/{id:guid}/images", async Task<Ok<UploadedImage>> (Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var file = await UploadedFile.FormFileAsync(request, FileField, DomainText.Get("NeedsImage"), ct)
                    ?? throw new ValidationFailedException(FileField, DomainText.Get("NeedsImage"));
                await using var content = file.OpenReadStream();
                return TypedResults.Ok(await sender.Send(new UploadImageCommand(id, file.FileName, content), ct));
            })
            .WithName("UploadCommunityImage")
            .WithSummary("Uploads an image for a post (multipart field `file`: PNG or JPEG by content, at most 5 MB) to a board the caller posts in; embed it as <img src=\"/files/{id}\">.");
}
