using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Modules;

namespace BranchNetwork.Modules.WorkLogs.Features.SeedDemoLogs;

/// <summary>
/// Development only: the default template and the account managers' (客户经理) one, and submitted logs of 支行01's and
/// 支行02's members over the previous ten working days — most on time, some late, some missing — so reading and the
/// statistics have something to show. Nothing for today: the walk-through writes it. Idempotent: templates once, logs once.
/// </summary>
internal sealed class LogsDemoData(WorkLogsDbContext db, IOrganisationDirectory directory, WorkLogSettings settings, BankCalendar calendar, IClock clock) : IDemoDataSeeder
{
    public const int DemoDays = 10;

    private static readonly string[] DoneTexts =
    [
        "走访存量客户，了解理财到期续作意向。",
        "电话回访代发工资客户，介绍信用卡分期。",
        "整理客户档案，补齐尽调材料。",
        "参加支行晨会，学习新产品营销要点。",
        "走访商户，推广收单业务。",
    ];

    private static readonly string[] Products = ["理财", "基金", "保险", "存款", "贷款"];

    // After Tasks' demo plans (30).
    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Templates.AnyAsync(cancellationToken))
        {
            db.Templates.Add(LogTemplate.Create("今日工作", null, "默认模板：今日完成、问题与明日计划，另记工作时长。",
                [new TemplateField("hours", "工作时长", TemplateFieldType.Number, false, null, "小时")]));
            db.Templates.Add(LogTemplate.Create("客户经理日志", "客户经理", "客户经理每日记录走访与产品销售。",
            [
                new TemplateField("customers_visited", "走访客户数", TemplateFieldType.Number, false, null, "户"),
                new TemplateField("products_sold", "销售产品", TemplateFieldType.Choice, false, Products, null),
                new TemplateField("visit_date", "走访日期", TemplateFieldType.Date, false, null, null),
            ]));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.Logs.AnyAsync(cancellationToken))
        {
            return;
        }

        var subBranches = (await directory.ListSubBranchesAsync(cancellationToken)).Where(u => u.Code is "SB01" or "SB02" && !u.IsRetired).Select(u => u.Id).ToList();
        if (subBranches.Count == 0)
        {
            return;
        }

        var members = await directory.ListActiveMembersAsync(subBranches, cancellationToken);
        var templates = await db.Templates.AsNoTracking().Where(t => !t.IsRetired).ToListAsync(cancellationToken);
        var days = new List<DateOnly>();
        for (var day = BankCalendar.Today(clock).AddDays(-1); days.Count < DemoDays; day = day.AddDays(-1))
        {
            if (calendar.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        var window = settings.Window;
        foreach (var member in members)
        {
            var template = templates.FirstOrDefault(t => t.Position == member.Position) ?? templates.FirstOrDefault(t => t.Position is null);
            foreach (var day in days)
            {
                // A steady pattern per person and day: about one day in eight missing, one in six late.
                var n = Math.Abs(HashCode.Combine(member.UserName.Length, member.UserName[^1], day.DayNumber)) % 48;
                if (n % 8 == 0)
                {
                    continue;
                }

                var late = n % 6 == 1;
                var at = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(late ? new TimeOnly(21, 15) : new TimeOnly(17, 0).AddMinutes(n * 3)), BankCalendar.Zone);
                var then = new DemoClock(at);
                var name = member.DisplayName.Length > DailyLog.NameMaxLength ? member.DisplayName[..DailyLog.NameMaxLength] : member.DisplayName;
                var log = DailyLog.Start(new LogAuthor(member.UserId, name, member.InUnitId, member.UnitId), day, template, window, then);
                var fields = new Dictionary<string, string?>();
                if (template?.Fields.Any(f => f.Key == "customers_visited") == true)
                {
                    fields["customers_visited"] = (n % 5 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    fields["products_sold"] = Products[n % Products.Length];
                    fields["visit_date"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (template?.Fields.Any(f => f.Key == "hours") == true)
                {
                    fields["hours"] = "8";
                }

                log.Write(new LogContent(DoneTexts[n % DoneTexts.Length], n % 4 == 0 ? "客户对新产品收益率有疑问，需要产品经理支持。" : null, "继续跟进意向客户。", n % 3 == 0, fields, [], []), window, then);
                log.Submit(window, then);
                db.Logs.Add(log);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class DemoClock(DateTime utcNow) : IClock
    {
        public DateTime UtcNow => utcNow;
    }
}
