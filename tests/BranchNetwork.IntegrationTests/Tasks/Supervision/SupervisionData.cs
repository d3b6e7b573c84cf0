using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Modules.Tasks.Data;
using BranchNetwork.Modules.Tasks.Domain;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Tasks.Supervision;

/// <summary>A person as the tasks module records them.</summary>
internal sealed record Person(Guid Id, string Name);

/// <summary>A sub-branch's plan for a scheme and its measure for the scheme's first indicator.</summary>
internal sealed record PreparedPlan(Guid PlanId, Guid MeasureId, string MeasureTitle, Guid SchemeId, Guid SubBranchId, Guid IndicatorId);

/// <summary>
/// The supervision tests' set-up, all in one place: plans and weekly tasks written straight into the Tasks database
/// through the domain's own transitions (WorkPlan.Open → ReviseMeasures → Submit → Approve; WeeklyTask.Create →
/// WriteOff …) for schemes published through the API. Once the plans and week APIs are merged, these become API calls.
/// </summary>
internal static class SupervisionData
{
    // People are looked up once per app: a test may move the clock past its tokens' lifetime.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BranchNetworkFactory, System.Collections.Concurrent.ConcurrentDictionary<string, Person>> People = [];

    public static async Task<Person> PersonAsync(BranchNetworkFactory app, string userName)
    {
        var known = People.GetOrCreateValue(app);
        if (known.TryGetValue(userName, out var person))
        {
            return person;
        }

        var me = await (await (await app.ClientForAsync(userName)).GetAsync("/api/me")).JsonAsync();
        return known[userName] = new Person(me.GetProperty("id").GetGuid(), me.GetProperty("displayName").GetString()!);
    }

    /// <summary>A plan of <paramref name="subBranch"/> for the scheme, brought to <paramref name="state"/> (one measure per indicator).</summary>
    public static async Task<PreparedPlan> PlanAsync(BranchNetworkFactory app, PublishedScheme scheme, string subBranch, PlanState state = PlanState.Approved)
    {
        var head = await PersonAsync(app, "head01");
        var supervisor = await PersonAsync(app, "supervisor");
        var subBranchId = scheme.SubBranches[subBranch];
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<IClock>();
        var plan = WorkPlan.Open(scheme.Id, scheme.Name, subBranchId, subBranch);
        var indicators = scheme.Indicators.ToList();
        plan.ReviseMeasures([.. indicators.Select(i => new MeasureDraft(
            null, i.Value, $"{i.Key}措施", null, head.Id, head.Name, [new MilestoneDraft(scheme.End, 100m, null)], null, null))]);
        if (state != PlanState.Draft)
        {
            db.PlanVersions.Add(plan.Submit([.. indicators.Select(i => new SheetIndicator(i.Value, i.Key))], head.Id, head.Name, clock));
            if (state == PlanState.Approved)
            {
                plan.Approve(supervisor.Id, supervisor.Name, clock);
            }
            else if (state == PlanState.Returned)
            {
                db.PlanComments.Add(plan.Return("请补充措施", supervisor.Id, supervisor.Name, clock));
            }
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var measure = plan.Measures[0];
        return new PreparedPlan(plan.Id, measure.Id, measure.Title, scheme.Id, subBranchId, measure.IndicatorId);
    }

    /// <summary>An open task of the plan's measure for <paramref name="week"/>, due on <paramref name="due"/>, assigned to <paramref name="assignees"/>.</summary>
    public static async Task<Guid> TaskAsync(BranchNetworkFactory app, PreparedPlan plan, TaskWeek week, string title, DateOnly due, decimal quantity, params Person[] assignees)
    {
        var head = await PersonAsync(app, "head01");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
        var task = WeeklyTask.Create(
            new NewTask(plan.PlanId, plan.MeasureId, plan.MeasureTitle, plan.SchemeId, plan.SubBranchId, plan.IndicatorId, week, title, quantity, "户", due,
                TaskRecurrence.Once, null, [.. assignees.Select(a => (a.Id, a.Name))]),
            head.Id, head.Name);
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    public static async Task WriteOffAsync(BranchNetworkFactory app, Guid taskId, decimal actual, Person by)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
        var task = await db.Tasks.SingleAsync(t => t.Id == taskId);
        task.WriteOff(actual, null, null, by.Id, by.Name, scope.ServiceProvider.GetRequiredService<IClock>());
        await db.SaveChangesAsync();
    }

    public static async Task CancelAsync(BranchNetworkFactory app, Guid taskId, Person by)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
        var task = await db.Tasks.SingleAsync(t => t.Id == taskId);
        task.Cancel("不再需要", by.Id, by.Name, scope.ServiceProvider.GetRequiredService<IClock>());
        await db.SaveChangesAsync();
    }

    /// <summary>The reminder slots recorded for <paramref name="taskIds"/> (every task when null).</summary>
    public static async Task<List<(Guid TaskId, string Slot)>> RemindersAsync(BranchNetworkFactory app, IReadOnlyCollection<Guid>? taskIds)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
        return [.. (await (taskIds is null ? db.RemindersSent.AsNoTracking() : db.RemindersSent.AsNoTracking().Where(r => taskIds.Contains(r.TaskId))).ToListAsync()).Select(r => (r.TaskId, r.Slot))];
    }

    /// <summary>The current week at the bank by the app's clock.</summary>
    public static TaskWeek ThisWeek(BranchNetworkFactory app) => TaskWeek.Of(AssessmentApi.Today(app));
}
