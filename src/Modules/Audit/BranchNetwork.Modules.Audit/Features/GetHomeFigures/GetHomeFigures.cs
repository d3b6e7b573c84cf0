using System.Globalization;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.GetHomeFigures;

/// <summary>
/// The auditor's home cards (SPEC §9): today's access-log entries (China day), with the denials and failed sign-ins
/// among them; the denials and failed sign-ins of the last <see cref="GetHomeFiguresHandler.RecentDays"/> days, the
/// figure an auditor follows up; today's trail records.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
[BoundedList("one figure per home card the module contributes")]
internal sealed record GetHomeFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetHomeFiguresHandler(AuditDbContext db, ICurrentUser currentUser, IClock clock, IStringLocalizer<AuditText> text)
    : IQueryHandler<GetHomeFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public const string AccessLog = "AccessLog";
    public const string Trail = "Trail";
    public const string Denials = "Denials";

    /// <summary>"Recent" for denials and failed sign-ins: a week, so a Monday still sees the weekend's.</summary>
    public const int RecentDays = 7;

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

        if (query.CardKeys.Contains(Denials))
        {
            var since = fromUtc.AddDays(-(RecentDays - 1));
            var recent = await db.AccessLogEntries.AsNoTracking()
                .Where(e => e.TimeUtc >= since && (e.Status == 401 || e.Status == 403 || e.Kind == AccessLogKind.SignInFailed))
                .GroupBy(e => e.Kind == AccessLogKind.SignInFailed)
                .Select(g => new { SignInFailed = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var failed = recent.Where(r => r.SignInFailed).Sum(r => r.Count);
            var denied = recent.Where(r => !r.SignInFailed).Sum(r => r.Count);
            figures.Add(new HomeFigure(Denials, (denied + failed).ToString("#,0", CultureInfo.InvariantCulture), string.Format(CultureInfo.CurrentCulture, text["Card_Denials_Caption"], denied, failed, RecentDays), "/audit/access-log"));
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
