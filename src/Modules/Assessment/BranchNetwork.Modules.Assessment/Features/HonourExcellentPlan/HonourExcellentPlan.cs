using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Contracts;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.HonourExcellentPlan;

/// <summary>
/// TK-5 → AS-8: a work plan marked excellent (优秀工作方案) becomes an honour of its scheme, on the plan as subject and
/// for its sub-branch, with the supervisor's citation; it is announced like any honour (sub-branch heads, and
/// <see cref="AssessmentHonourAwarded"/>). One honour per plan, however often the event arrives. The work-plan module
/// has already decided (after the scheme closed); a plan whose scheme is a draft or whose sub-branch has no sheet in it
/// contradicts the assessment records and is ignored.
/// </summary>
internal sealed class HonourExcellentPlanHandler(
    AssessmentDbContext db,
    IOrganisationDirectory directory,
    SheetNotifier notifier,
    OutboxProcessor outbox,
    IClock clock,
    IStringLocalizer<AssessmentText> text)
    : INotificationHandler<WorkPlanMarkedExcellent>
{
    private const string Handler = "HonourExcellentPlan";

    /// <summary>Honours are records of the bank: titled in its language whoever's event carried them.</summary>
    private static readonly CultureInfo BankCulture = CultureInfo.GetCultureInfo("zh-CN");

    public async ValueTask Handle(WorkPlanMarkedExcellent notification, CancellationToken cancellationToken)
    {
        if (await db.AlreadyHandledAsync(notification.EventId, Handler, clock.UtcNow, cancellationToken))
        {
            return;
        }

        var found = await HonourForAsync(notification, cancellationToken);
        if (found is { Honour: var honour, SchemeName: var schemeName })
        {
            db.Honours.Add(honour);
            db.AddIntegrationEvent(new AssessmentHonourAwarded(Guid.CreateVersion7(), clock.UtcNow, honour.Id, honour.SchemeId, honour.Title, honour.SubjectKind, honour.SubjectId, honour.SubBranchId));
            await notifier.ToSubBranchHeadsAsync(
                [new SubBranchNotice(notification.SubBranchId, SheetNotifier.Text("NotifyHonourTitle", honour.Title), SheetNotifier.Text("NotifyHonourBody", schemeName, honour.SubjectName), SheetNotifier.SchemeLink(honour.SchemeId))],
                cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (found is not null)
        {
            outbox.Wake();
        }
    }

    private async Task<(Honour Honour, string SchemeName)?> HonourForAsync(WorkPlanMarkedExcellent marked, CancellationToken ct)
    {
        var scheme = await db.Schemes.AsNoTracking()
            .Where(s => s.Id == marked.SchemeId && s.Status != SchemeStatus.Draft)
            .Select(s => new { s.Id, s.Name })
            .FirstOrDefaultAsync(ct);
        var sheet = scheme is null
            ? null
            : await db.Sheets.AsNoTracking().FirstOrDefaultAsync(s => s.SchemeId == scheme.Id && s.SubBranchId == marked.SubBranchId, ct);
        if (scheme is null || sheet is null
            || await db.Honours.AnyAsync(h => h.SubjectKind == HonourSubjectKinds.WorkPlan && h.SubjectId == marked.PlanId, ct))
        {
            return null;
        }

        var (title, subject) = InBankLanguage(() => (text["HonourExcellentPlan"].Value, string.Format(BankCulture, text["HonourExcellentPlanSubject"], sheet.SubBranchName)));
        var citation = marked.Citation.Trim();
        var honour = new Honour
        {
            SchemeId = scheme.Id,
            Title = Cut(title, Honour.TitleMaxLength),
            SubjectKind = HonourSubjectKinds.WorkPlan,
            SubjectId = marked.PlanId,
            SubjectName = Cut(subject, Honour.SubjectNameMaxLength),
            SubBranchId = sheet.SubBranchId,
            Citation = citation.Length == 0 ? null : Cut(citation, Honour.CitationMaxLength),
            AwardedById = marked.MarkedById,
            AwardedByName = (await directory.FindUserAsync(marked.MarkedById, ct))?.UserName ?? "",
        };
        return (honour, scheme.Name);
    }

    private static T InBankLanguage<T>(Func<T> render)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = BankCulture;
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
