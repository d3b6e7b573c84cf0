using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Files.Resources;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Files.Features.DownloadFile;

/// <summary>
/// One file, for whoever the owning module's policy lets read it. Everyone else gets the same 404 as for an id
/// that does not exist: a file's existence is not disclosed.
/// </summary>
[AnySignedInUser]
internal sealed record DownloadFileQuery(Guid FileId) : IQuery<FileDownload>;

internal sealed class DownloadFileHandler(IFileStore files, IStringLocalizer<FilesText> text) : IQueryHandler<DownloadFileQuery, FileDownload>
{
    public async ValueTask<FileDownload> Handle(DownloadFileQuery query, CancellationToken cancellationToken) =>
        await files.OpenAsync(query.FileId, cancellationToken)
        ?? throw new NotFoundException("files.file_not_found", text["FileNotFound"]);
}
