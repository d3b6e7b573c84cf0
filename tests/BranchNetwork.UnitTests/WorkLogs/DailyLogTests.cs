using BranchNetwork.Modules.WorkLogs.Domain;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;

namespace BranchNetwork.UnitTests.WorkLogs;

/// <summary>
/// A daily log on the entity alone (WL-1, WL-2, WL-4): the day's window in China time, drafts checked against the
/// template copy, on time or late, and nothing but amendments after the next morning's close.
/// </summary>
public sealed class DailyLogTests
{
    // Thursday 3 December 2026 in China; 20:00 China is 12:00 UTC, the close is Friday 10:00 China (02:00 UTC).
    private static readonly DateOnly Day = new(2026, 12, 3);
    private static readonly LogWindow Window = LogWindow.Default;
    private static readonly LogAuthor Author = new(Guid.NewGuid(), "员工0101", Guid.NewGuid(), Guid.NewGuid());

    private static readonly LogTemplate AccountManager = LogTemplate.Create(" 客户经理日志 ", "客户经理", null,
    [
        new("customers_visited", "走访客户数", TemplateFieldType.Number, true, null, "户"),
        new("product", "主推产品", TemplateFieldType.Choice, false, ["理财", "代发", "信用卡"], null),
        new("next_visit", "下次走访", TemplateFieldType.Date, false, null, null),
    ]);

    [Fact]
    [Trait("Spec", "WL-2")]
    public void The_window_of_a_day_is_in_China_time()
    {
        Assert.Equal(new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc), Window.CutOffUtc(Day));
        Assert.Equal(new DateTime(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc), Window.ClosesAtUtc(Day));
        Assert.Equal(LogTimeliness.OnTime, Window.TimelinessAt(Day, At(12, 0)));
        Assert.Equal(LogTimeliness.Late, Window.TimelinessAt(Day, At(12, 1)));
        Assert.False(Window.IsClosed(Day, new DateTime(2026, 12, 4, 1, 59, 0, DateTimeKind.Utc)));
        Assert.True(Window.IsClosed(Day, new DateTime(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    [Trait("Spec", "WL-1")]
    public void A_log_is_refused_for_a_day_after_today_and_for_a_closed_day()
    {
        Assert.Equal("day", Field(() => DailyLog.Start(Author, Day.AddDays(1), null, Window, Clock(At(10, 0)))));
        var code = Assert.Throws<ConflictException>(() => DailyLog.Start(Author, Day.AddDays(-2), null, Window, Clock(At(10, 0)))).Code;
        Assert.Equal("worklogs.day_closed", code);
        Assert.Equal(Day.AddDays(-1), DailyLog.Start(Author, Day.AddDays(-1), null, Window, Clock(At(1, 0))).Day);
    }

    [Fact]
    [Trait("Spec", "WL-1")]
    public void Fields_are_checked_by_type_against_the_template_copy_and_a_refusal_changes_nothing()
    {
        var log = DailyLog.Start(Author, Day, AccountManager, Window, Clock(At(9, 0)));
        log.Write(Content(fields: new() { ["customers_visited"] = " 12 ", ["product"] = "理财" }), Window, Clock(At(9, 5)));

        Assert.Equal("fields.customers_visited", Field(() => log.Write(Content(fields: new() { ["customers_visited"] = "十二" }), Window, Clock(At(9, 6)))));
        Assert.Equal("fields.product", Field(() => log.Write(Content(fields: new() { ["product"] = "存款" }), Window, Clock(At(9, 6)))));
        Assert.Equal("fields.next_visit", Field(() => log.Write(Content(fields: new() { ["next_visit"] = "12/08/2026" }), Window, Clock(At(9, 6)))));
        Assert.Equal("fields.mood", Field(() => log.Write(Content(fields: new() { ["mood"] = "好" }), Window, Clock(At(9, 6)))));
        Assert.Equal("done", Field(() => log.Write(Content(done: new string('字', DailyLog.TextMaxLength + 1)), Window, Clock(At(9, 6)))));

        Assert.Equal([("customers_visited", "12"), ("product", "理财")], log.FieldValues.Select(v => (v.Key, v.Value)));
        Assert.Equal("走访三户代发企业", log.Done);
    }

    [Fact]
    [Trait("Spec", "WL-2")]
    public void Submitting_needs_the_work_done_and_the_required_fields_and_counts_late_after_the_cut_off()
    {
        var log = DailyLog.Start(Author, Day, AccountManager, Window, Clock(At(9, 0)));
        log.Write(Content(done: " "), Window, Clock(At(9, 5)));
        Assert.Equal("done", Field(() => log.Submit(Window, Clock(At(11, 0)))));

        log.Write(Content(), Window, Clock(At(9, 6)));
        Assert.Equal("fields.customers_visited", Field(() => log.Submit(Window, Clock(At(11, 0)))));

        log.Write(Content(fields: new() { ["customers_visited"] = "3" }), Window, Clock(At(9, 7)));
        log.Submit(Window, Clock(At(12, 30)));

        Assert.Equal((LogState.Submitted, (LogTimeliness?)LogTimeliness.Late), (log.State, log.Timeliness));
        Assert.Equal("worklogs.wrong_state", Assert.Throws<ConflictException>(() => log.Submit(Window, Clock(At(12, 31)))).Code);
    }

    [Fact]
    [Trait("Spec", "WL-4")]
    public void After_the_close_a_log_only_takes_amendments_and_keeps_its_text()
    {
        var log = DailyLog.Start(Author, Day, null, Window, Clock(At(9, 0)));
        log.Write(Content(), Window, Clock(At(9, 5)));
        log.Submit(Window, Clock(At(11, 0)));

        Assert.Equal("worklogs.wrong_state", Assert.Throws<ConflictException>(() => log.Amend("补充", Window, Clock(At(13, 0)))).Code);

        var nextMorning = Clock(new DateTime(2026, 12, 4, 2, 30, 0, DateTimeKind.Utc));
        Assert.Equal("worklogs.day_closed", Assert.Throws<ConflictException>(() => log.Write(Content(done: "改写"), Window, nextMorning)).Code);
        var amendment = log.Amend(" 另：下午走访的客户已开户 ", Window, nextMorning);

        Assert.Equal("走访三户代发企业", log.Done);
        Assert.Equal(("另：下午走访的客户已开户", nextMorning.UtcNow), (amendment.Text, amendment.AddedAtUtc));
        Assert.Single(log.Amendments);
    }

    [Fact]
    [Trait("Spec", "WL-1")]
    public void A_task_is_linked_once_with_a_quantity_that_is_not_negative()
    {
        var log = DailyLog.Start(Author, Day, null, Window, Clock(At(9, 0)));
        var task = Guid.NewGuid();

        Assert.Equal("lines", Field(() => log.Write(Content(lines: [new(task, "走访", 1, "户", null), new(task, "走访", 2, "户", null)]), Window, Clock(At(9, 1)))));
        Assert.Equal("lines[0].quantity", Field(() => log.Write(Content(lines: [new(task, "走访", -1, "户", null)]), Window, Clock(At(9, 1)))));
        log.Write(Content(done: null, lines: [new(task, "走访代发企业", 3, "户", " 均已建档 ")]), Window, Clock(At(9, 2)));
        log.Submit(Window, Clock(At(9, 3)));

        Assert.Equal((task, 3m, "均已建档", LogTimeliness.OnTime), (log.Lines.Single().TaskId, log.Lines.Single().Quantity, log.Lines.Single().Note, log.Timeliness!.Value));
    }

    [Fact]
    [Trait("Spec", "WL-1")]
    public void A_template_refuses_bad_keys_repeated_keys_and_choice_fields_without_choices()
    {
        Assert.Equal("fields[0].key", Field(() => LogTemplate.Create("日志", null, null, [new("Visits", "走访", TemplateFieldType.Number, false, null, null)])));
        Assert.Equal("fields[1].key", Field(() => LogTemplate.Create("日志", null, null,
            [new("visits", "走访", TemplateFieldType.Number, false, null, null), new("visits", "再访", TemplateFieldType.Number, false, null, null)])));
        Assert.Equal("fields[0].choices", Field(() => LogTemplate.Create("日志", null, null, [new("product", "产品", TemplateFieldType.Choice, false, [], null)])));

        var template = LogTemplate.Create("日志", null, null, []);
        template.Retire();
        Assert.Equal("worklogs.wrong_state", Assert.Throws<ConflictException>(() => template.Retire()).Code);
    }

    private static LogContent Content(string? done = "走访三户代发企业", Dictionary<string, string?>? fields = null, IReadOnlyList<LogLineDraft>? lines = null) =>
        new(done, null, "明日继续走访", false, fields ?? [], lines ?? [], []);

    private static DateTime At(int hourUtc, int minute) => new(2026, 12, 3, hourUtc, minute, 0, DateTimeKind.Utc);

    private static FixedClock Clock(DateTime utcNow) => new(utcNow);

    private static string Field(Action act) => Assert.Throws<ValidationFailedException>(act).Errors.Keys.Single();

    private sealed class FixedClock(DateTime now) : IClock
    {
        public DateTime UtcNow => now;
    }
}
