using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Assessment.Features.Shared;

/// <summary>An evidence file of an appeal (AS-7) as the appeal's readers see it; the bytes are at <see cref="DownloadUrl"/>.</summary>
internal sealed record AppealAttachment(Guid Id, string FileName, long SizeBytes, string ContentType, string UploadedByName, DateTime UploadedAt, string DownloadUrl);

/// <summary>Appeal evidence in the platform file store: the purpose, and the appeals' files for the read models.</summary>
internal static class AppealEvidence
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly FilePurpose Purpose = new(
        "assessment.appeal",
        MaxBytes,
        [FileKind.Pdf, FileKind.Png, FileKind.Jpeg, FileKind.Xlsx, FileKind.Docx, FileKind.Text],
        MaxFilesPerOwner: 10);

    public static AppealAttachment ToAttachment(StoredFileInfo file) =>
        new(file.Id, file.FileName, file.SizeBytes, file.ContentType, file.UploadedByName, file.UploadedAtUtc, file.ApiPath);

    /// <summary>The files of several appeals in one call (the caller has checked it may read those appeals).</summary>
    public static async Task<ILookup<Guid, AppealAttachment>> ListAsync(IFileStore files, IReadOnlyCollection<Guid> appealIds, CancellationToken cancellationToken) =>
        (await files.ListAsync(Purpose.Name, appealIds, cancellationToken)).ToLookup(f => f.OwnerId!.Value, ToAttachment);
}

/// <summary>
/// Who may read and attach appeal evidence: the appeal's own sub-branch and the head-office roles read it (as they
/// read the appeal); only the head of the appeal's sub-branch attaches, and only while the appeal is pending.
/// Everyone else is not told the appeal exists.
/// </summary>
internal sealed class AppealEvidencePolicy(AssessmentDbContext db, AssessmentAccess access) : IFileAccessPolicy
{
    public FilePurpose Purpose => AppealEvidence.Purpose;

    public async Task<FileOwnerAccess> GetAccessAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var appeal = await db.Appeals.AsNoTracking().Where(a => a.Id == ownerId).Select(a => new { a.SubBranchId, a.Status }).FirstOrDefaultAsync(cancellationToken);
        if (appeal is null || !await access.CanSeeSubBranchAsync(appeal.SubBranchId, cancellationToken))
        {
            return FileOwnerAccess.None;
        }

        var mayAttach = appeal.Status == AppealStatus.Pending
            && access.User.IsInRole(BankRoles.SubBranchHead)
            && await access.OwnSubBranchAsync(cancellationToken) == appeal.SubBranchId;
        return mayAttach ? FileOwnerAccess.ReadAndAttach : FileOwnerAccess.Read;
    }
}
