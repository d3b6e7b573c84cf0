using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Data;
using BranchNetwork.Modules.WorkLogs.Domain;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.WorkLogs.Reading;

/// <summary>A person who writes logs, as the directory knows them.</summary>
internal sealed record LogWriter(Guid Id, string UserName, string Name, Guid SubBranchId, Guid UnitId);

/// <summary>What a test log says; the defaults make a plain submitted log.</summary>
internal sealed record LogSpec(
    string? Done = "走访存量客户3户",
    string? Problems = null,
    string? Plan = null,
    bool Shared = false,
    LogTemplate? Template = null,
    IReadOnlyDictionary<string, string?>? Fields = null,
    IReadOnlyList<LogLineDraft>? Lines = null,
    IReadOnlyList<LogAttachment>? Attachments = null,
    bool Submit = true,
    TimeOnly? SubmittedAt = null);

/// <summary>
/// The reading tests' logs, written straight into the WorkLogs database through the domain's own transitions
/// (DailyLog.Start → Write → Submit), since the writing API lives in another area. A log of today uses the app's clock;
/// a log of an earlier day is written as it would have been on that day (by default at 18:00 China time, on time).
/// </summary>
internal static class ReadingData
{
    private static readonly ConditionalWeakTable<BranchNetworkFactory, ConcurrentDictionary<string, LogWriter>> Writers = [];

    public static async Task<LogWriter> WriterAsync(BranchNetworkFactory app, string userName)
    {
        var known = Writers.GetOrCreateValue(app);
        if (known.TryGetValue(userName, out var writer))
        {
            return writer;
        }

        var me = await (await (await app.ClientForAsync(userName)).GetAsync("/api/me")).JsonAsync();
        var id = me.GetProperty("id").GetGuid();
        using var scope = app.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        var user = await directory.FindUserAsync(id) ?? throw new InvalidOperationException($"No user {userName}");
        var unit = await directory.FindUnitAsync(user.UnitId) ?? throw new InvalidOperationException($"No unit of {userName}");
        var subBranch = unit.Kind == OrgUnitKind.SubBranch ? unit.Id : unit.ParentId ?? throw new InvalidOperationException($"{userName} is not in a sub-branch");
        return known[userName] = new LogWriter(id, userName, user.DisplayName, subBranch, user.UnitId);
    }

    /// <summary>A template kept for these tests (its own position, so it never meets the demo templates).</summary>
    public static async Task<LogTemplate> TemplateAsync(BranchNetworkFactory app, string name, params TemplateField[] fields)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkLogsDbContext>();
        var template = LogTemplate.Create(name, "阅读测试岗" + Guid.NewGuid().ToString("N")[..6], null, fields);
        db.Templates.Add(template);
        await db.SaveChangesAsync();
        return template;
    }

    /// <summary>Writes (and by default submits) <paramref name="writer"/>'s log of <paramref name="day"/> (today when null).</summary>
    public static async Task<Guid> LogAsync(BranchNetworkFactory app, LogWriter writer, DateOnly? day = null, LogSpec? spec = null)
    {
        spec ??= new LogSpec();
        var today = BankCalendar.Today(app.Clock);
        var logDay = day ?? today;
        IClock clock = logDay == today && spec.SubmittedAt is null
            ? app.Clock
            : new FixedClock(ChinaTime.ToUtc(logDay.ToDateTime(spec.SubmittedAt ?? new TimeOnly(18, 0))));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkLogsDbContext>();
        var window = scope.ServiceProvider.GetRequiredService<WorkLogSettings>().Window;
        var log = DailyLog.Start(new LogAuthor(writer.Id, writer.Name, writer.SubBranchId, writer.UnitId), logDay, spec.Template, window, clock);
        log.Write(
            new LogContent(spec.Done, spec.Problems, spec.Plan, spec.Shared, spec.Fields ?? new Dictionary<string, string?>(), spec.Lines ?? [], spec.Attachments ?? []),
            window,
            clock);
        if (spec.Submit)
        {
            log.Submit(window, clock);
        }

        db.Logs.Add(log);
        await db.SaveChangesAsync();
        return log.Id;
    }

    /// <summary>The working days of a week before the test clock's Wednesday 2026-05-27, so nothing meets today's logs.</summary>
    public static DateOnly Day(int month, int day) => new(2026, month, day);

    private sealed class FixedClock(DateTime utcNow) : IClock
    {
        public DateTime UtcNow => utcNow;
    }
}
