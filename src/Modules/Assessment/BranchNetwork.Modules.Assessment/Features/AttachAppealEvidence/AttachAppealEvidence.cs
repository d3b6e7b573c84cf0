using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.AttachAppealEvidence;

/// <summary>
/// AS-7: the head of the appeal's sub-branch adds an evidence file (a PDF, a photo, a spreadsheet…) to a pending
/// appeal. The file store checks the type by content, the size (10 MB) and the name, and asks
/// <see cref="AppealEvidencePolicy"/> again, so no other path can attach.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead)]
[RequestBodyLimit(AppealEvidence.MaxBytes + RequestBodyLimitAttribute.MultipartOverhead)]
internal sealed record AttachAppealEvidenceCommand(Guid AppealId, string FileName, Stream Content) : ICommand<AppealAttachment>;

internal sealed class AttachAppealEvidenceHandler(AssessmentDbContext db, AssessmentAccess access, IFileStore files, IStringLocalizer<AppealEvidenceText> text)
    : ICommandHandler<AttachAppealEvidenceCommand, AppealAttachment>
{
    public async ValueTask<AppealAttachment> Handle(AttachAppealEvidenceCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.SubBranchHead);
        var appeal = await db.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.Id == command.AppealId, cancellationToken);
        if (appeal is null || !await access.CanSeeSubBranchAsync(appeal.SubBranchId, cancellationToken))
        {
            throw new NotFoundException("assessment.appeal_not_found", text["AppealNotFound"]);
        }

        if (appeal.Status != AppealStatus.Pending)
        {
            throw new ConflictException("assessment.wrong_status", text["AppealDecided"]);
        }

        var stored = await files.SaveAsync(AppealEvidence.Purpose.Name, appeal.Id, command.FileName, command.Content, cancellationToken);
        return AppealEvidence.ToAttachment(stored);
    }
}
