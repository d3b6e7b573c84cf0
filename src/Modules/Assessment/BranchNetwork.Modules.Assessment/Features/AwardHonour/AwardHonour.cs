using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.AwardHonour;

/// <summary>
/// 评比推优 (AS-8): on a closed scheme a supervisor confers an honour such as 优秀支行 on a sub-branch, or on
/// any subject another module names (an excellent work plan: <c>WorkPlan</c> with its id and title).
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record AwardHonourCommand(Guid SchemeId, string Title, string SubjectKind, Guid SubjectId, string? SubjectName, Guid? SubBranchId, string? Citation) : ICommand<HonourDto>;

internal sealed class AwardHonourValidator : AbstractValidator<AwardHonourCommand>
{
    public const string SubBranchSubject = HonourSubjectKinds.SubBranch;

    public AwardHonourValidator(IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Honour.TitleMaxLength).NoControlCharacters();
        RuleFor(c => c.SubjectKind).Must(HonourSubjectKinds.All.Contains).WithMessage(text["SubjectKindUnknown"]);
        RuleFor(c => c.SubjectName).NotEmpty().MaximumLength(Honour.SubjectNameMaxLength).When(c => c.SubjectKind != SubBranchSubject).WithMessage(text["SubjectNameRequired"]);
        RuleFor(c => c.SubjectName).NoControlCharacters();
        RuleFor(c => c.Citation).MaximumLength(Honour.CitationMaxLength);
    }
}

internal sealed class AwardHonourHandler(AssessmentDbContext db, AssessmentAccess access, SheetNotifier notifier, OutboxProcessor outbox, IClock clock, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<AwardHonourCommand, HonourDto>
{
    public async ValueTask<HonourDto> Handle(AwardHonourCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken, withIndicators: false);
        scheme.EnsureAcceptsHonours();

        string subjectName;
        var subBranchId = command.SubBranchId;
        if (command.SubjectKind == AwardHonourValidator.SubBranchSubject)
        {
            var sheet = await db.Sheets.AsNoTracking().FirstOrDefaultAsync(s => s.SchemeId == scheme.Id && s.SubBranchId == command.SubjectId, cancellationToken)
                ?? throw new ValidationFailedException("subjectId", text["SubBranchNotInScheme"]);

            // The honoured sub-branch is the subject; a different sub-branch beside it contradicts the award.
            if (command.SubBranchId is { } named && named != command.SubjectId)
            {
                throw new ValidationFailedException("subBranchId", text["SubBranchNotInScheme"]);
            }

            subjectName = sheet.SubBranchName;
            subBranchId = sheet.SubBranchId;
        }
        else
        {
            subjectName = command.SubjectName!.Trim();
            if (subBranchId is { } sub && !await db.Sheets.AnyAsync(s => s.SchemeId == scheme.Id && s.SubBranchId == sub, cancellationToken))
            {
                throw new ValidationFailedException("subBranchId", text["SubBranchNotInScheme"]);
            }
        }

        var title = command.Title.Trim();
        if (await db.Honours.AnyAsync(h => h.SchemeId == scheme.Id && h.Title == title && h.SubjectKind == command.SubjectKind && h.SubjectId == command.SubjectId, cancellationToken))
        {
            throw new ConflictException("assessment.honour_exists", text["HonourExists"]);
        }

        var honour = new Honour
        {
            SchemeId = scheme.Id,
            Title = title,
            SubjectKind = command.SubjectKind,
            SubjectId = command.SubjectId,
            SubjectName = subjectName,
            SubBranchId = subBranchId,
            Citation = string.IsNullOrWhiteSpace(command.Citation) ? null : command.Citation.Trim(),
            AwardedById = access.User.RequireUserId(),
            AwardedByName = access.User.DisplayName ?? "",
        };
        db.Honours.Add(honour);
        db.AddIntegrationEvent(new AssessmentHonourAwarded(Guid.CreateVersion7(), clock.UtcNow, honour.Id, scheme.Id, honour.Title, honour.SubjectKind, honour.SubjectId, honour.SubBranchId));
        if (subBranchId is { } honoured)
        {
            await notifier.ToSubBranchHeadsAsync(
                [new SubBranchNotice(honoured, SheetNotifier.Text("NotifyHonourTitle", honour.Title), SheetNotifier.Text("NotifyHonourBody", scheme.Name, subjectName), SheetNotifier.SchemeLink(scheme.Id))],
                cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return HonourDto.From(honour);
    }
}

internal static class AwardHonourEndpoint
{
    internal sealed record AwardHonourBody(string Title, string SubjectKind, Guid SubjectId, string? SubjectName, Guid? SubBranchId, string? Citation);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/schemes/{id:guid}/honours", async Task<Created<HonourDto>> (Guid id, AwardHonourBody body, ISender sender, CancellationToken ct) =>
            {
                var honour = await sender.Send(new AwardHonourCommand(id, body.Title, body.SubjectKind, body.SubjectId, body.SubjectName, body.SubBranchId, body.Citation), ct);
                return TypedResults.Created($"/api/assessment/schemes/{id}/honours/{honour.Id}", honour);
            })
            .WithName("AwardHonour").WithSummary("Confers an honour (e.g. 优秀支行, 优秀工作方案) on a closed scheme's result (supervisor).");
}
