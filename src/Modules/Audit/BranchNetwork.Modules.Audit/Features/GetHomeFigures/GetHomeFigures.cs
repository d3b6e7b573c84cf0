using System.Globalization;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.GetHomeFigures;

/// <summary>The auditor's home card (SPEC §9): today's access-log entries (China day), with the denials and failed sign-ins among them.</summary>
[AllowedRoles(BankRoles.Auditor)]
[BoundedList("one figure per home card the module contributes")]
internal sealed record GetHomeFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetHomeFiguresHandler(AuditDbContext db, ICurrentUser currentUser, IClock clock, IStringLocalizer<AuditText> text)
    : IQueryHandler<GetHomeFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public const string AccessLog = "AccessLog";
    public const string Trail = "Trail";

    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async ValueTask<IReadOnlyList<HomeFigure>> Handle(GetHomeFiguresQuery query, CancellationToken cancellationToken)
    {
        currentUser.EnsureAnyRole(BankRoles.Auditor);

        // Today in China time, as a UTC range (the log stores UTC).
        var chinaNow = TimeZoneInfo.ConvertTimeFromUtc(clock.UtcNow, ChinaTime);
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(chinaNow.Date, ChinaTime);
        var figures = new List<HomeFigure>();
        if (query.CardKeys.Contains(AccessLog))
        {
            var today = db.AccessLogEntries.AsNoTracking().Where(e => e.TimeUtc >= fromUtc);
            var entries = await today.CountAsync(cancellationToken);
            var denied = await today.CountAsync(e => e.Status == 401 || e.Status == 403, cancellationToken);
            var failedSignIns = await today.CountAsync(e => e.Kind == AccessLogKind.SignInFailed, cancellationToken);
            figures.Add(new HomeFigure(AccessLog, entries.ToString("#,0", CultureInfo.InvariantCulture), string.Format(CultureInfo.CurrentCulture, text["Card_AccessLog_Caption"], denied, failedSignIns), "/audit/access-log"));
        }

        if (query.CardKeys.Contains(Trail))
        {
            // au4-console: today's trail records, the changes apart from the auditors' own actions.
            var today = db.AuditRecords.AsNoTracking().Where(r => r.TimeUtc >= fromUtc);
            var records = await today.CountAsync(cancellationToken);
            var auditorActions = await today.CountAsync(r => r.Module == AuditDbContext.Module, cancellationToken);
            figures.Add(new HomeFigure(Trail, records.ToString("#,0", CultureInfo.InvariantCulture), string.Format(CultureInfo.CurrentCulture, text["Card_Trail_Caption"], records - auditorActions, auditorActions), "/audit/trail"));
        }

        return figures;
    }
}
