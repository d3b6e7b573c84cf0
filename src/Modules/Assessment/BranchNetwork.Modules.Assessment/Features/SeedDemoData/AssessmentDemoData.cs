using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;

namespace BranchNetwork.Modules.Assessment;

/// <summary>
/// Development only: an indicator library after the seed documents and the current quarter's comprehensive
/// scheme, published with targets for every sub-branch and weekly progress up to today, so every screen has data.
/// </summary>
internal sealed class AssessmentDemoData(AssessmentDbContext db, IOrganisationDirectory directory, IClock clock) : IDemoDataSeeder
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Indicators.AnyAsync(cancellationToken))
        {
            return;
        }

        Indicator Add(string code, string name, string unit, IndicatorDirection direction, bool headEntry, string description, ScoringRuleKind rule = ScoringRuleKind.Ratio, decimal? minimum = null)
        {
            var indicator = new Indicator
            {
                Code = code,
                Name = name,
                Unit = unit,
                Direction = direction,
                DataSource = IndicatorDataSource.Manual,
                AllowSubBranchEntry = headEntry,
                Description = description,
                RuleKind = rule,
                RuleMinimumCompletion = minimum,
            };
            db.Indicators.Add(indicator);
            return indicator;
        }

        var deposits = Add("DEP-NEW", "储蓄存款新增", "万元", IndicatorDirection.HigherIsBetter, false, "个人储蓄存款较期初净增额。");
        var loans = Add("LOAN-INCL", "普惠贷款新增", "万元", IndicatorDirection.HigherIsBetter, false, "普惠型小微企业贷款净增额。");
        var customers = Add("CUST-NEW", "新增有效客户", "户", IndicatorDirection.HigherIsBetter, true, "新开户且月日均资产达标的客户。", ScoringRuleKind.Threshold, 0.5m);
        var complaints = Add("COMPLAINT", "客户有效投诉", "件", IndicatorDirection.LowerIsBetter, true, "经核实的有效投诉件数,越少越好。");
        Add("FANS-NEW", "社群粉丝新增", "户", IndicatorDirection.HigherIsBetter, true, "支行社群新增关注人数(社群运营考核方案:粉丝 40%)。");
        Add("NPL-RATE", "不良贷款率", "%", IndicatorDirection.LowerIsBetter, false, "期末不良贷款余额占比。");

        var subBranches = (await directory.ListSubBranchesAsync(cancellationToken)).Where(s => !s.IsRetired).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        if (subBranches.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var today = BankCalendar.Today(clock);
        var start = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var end = start.AddMonths(3).AddDays(-1);
        var scheme = AssessmentScheme.CreateDraft(
            new SchemeTerms($"{today.Year}年第{((today.Month - 1) / 3) + 1}季度支行综合考核", PeriodKind.Quarter, start, end, SchemeKind.Comprehensive, null, GradeBands.Default, AssessmentScheme.DefaultBehindMarginPoints),
            Guid.Empty);
        var lines = new[] { (deposits, 40m), (loans, 30m), (customers, 20m), (complaints, 10m) };
        scheme.SetIndicators(lines);
        var targets = new[] { 5000m, 3000m, 400m, 6m };
        // Published the way a TaskAdmin publishes: every cell has its target, so the scheme's own checks pass.
        var cells = subBranches.SelectMany(u => lines.Select(l => (u.Id, l.Item1.Id))).ToHashSet();
        var sheets = scheme.Publish(clock, subBranches.Select(u => new IssuedUnit(u.Id, u.Code, u.Name)).ToList(), cells, lines.ToDictionary(l => l.Item1.Id, l => l.Item1));
        db.Schemes.Add(scheme);
        db.Sheets.AddRange(sheets);
        db.WarningRules.Add(new WarningRule { SchemeId = scheme.Id, Kind = WarningRuleKind.BehindTimeProgress, Threshold = 10m });
        db.WarningRules.Add(new WarningRule { SchemeId = scheme.Id, Kind = WarningRuleKind.BottomRank, Threshold = 1m });

        for (var s = 0; s < subBranches.Count; s++)
        {
            var unit = subBranches[s];
            // Pace differs by sub-branch (0.55 .. 1.25 of time progress) so the heat map and ranking have shape.
            var pace = 0.55m + (0.7m * ((s * 5) % subBranches.Count) / Math.Max(1, subBranches.Count - 1));
            for (var i = 0; i < lines.Length; i++)
            {
                var indicator = lines[i].Item1;
                var target = new Target { SchemeId = scheme.Id, SubBranchId = unit.Id, IndicatorId = indicator.Id, Value = targets[i] };
                db.Targets.Add(target);
                for (var date = start.AddDays(6); date <= today && date <= scheme.EndDate; date = date.AddDays(7))
                {
                    var share = scheme.TimeProgress(date);
                    var value = indicator.Direction == IndicatorDirection.LowerIsBetter
                        ? Math.Round(targets[i] * share / pace)
                        : Math.Round(targets[i] * share * pace * (1m + (0.05m * i)), 2);
                    var entry = new ProgressEntry
                    {
                        SchemeId = scheme.Id,
                        SubBranchId = unit.Id,
                        IndicatorId = indicator.Id,
                        Date = date,
                        Value = value,
                        Source = ProgressSource.Import,
                        EnteredById = Guid.Empty,
                        EnteredByName = "demo",
                        EnteredAtUtc = clock.UtcNow,
                    };
                    db.ProgressEntries.Add(entry);
                    target.Project(entry, scheme.Indicators[i]);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
