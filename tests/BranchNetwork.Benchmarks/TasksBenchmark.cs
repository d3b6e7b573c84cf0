using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Data;
using BranchNetwork.Modules.Identity.Domain;
using BranchNetwork.Modules.Tasks.Data;
using BranchNetwork.Modules.Tasks.Domain;
using BranchNetwork.Modules.Tasks.Features.GetSupervision;
using BranchNetwork.SharedKernel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static BranchNetwork.Benchmarks.AssessmentBenchmark;

namespace BranchNetwork.Benchmarks;

/// <summary>
/// TK-4 at scale: 500 sub-branches × 30 staff × N weeks × 5 tasks per person and week (75,000 tasks a week). Measures
/// head office's supervision overview for one week (over HTTP, and its EF Core aggregate alone) and a team board (one
/// sub-branch's week grouped by person), each against a raw SQL query returning the same figures in the same run.
/// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- tasks [sqlite|postgres] [--weeks 4] [--iterations 100]
/// </summary>
internal static class TasksBenchmark
{
    private const int SubBranches = 500;
    private const int Staff = 30;
    private const int TasksPerPerson = 5;

    private sealed record Figure(Guid Key, int Tasks, int Done, int Overdue);

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.Length > 0 && args[0].ToUpperInvariant() is "POSTGRES" or "POSTGRESQL" or "PG";
        var weeks = Option(args, "--weeks", 4);
        var iterations = Option(args, "--iterations", 100);
        await using var database = postgres ? await BenchDatabase.CreatePostgresAsync() : BenchDatabase.CreateSqlite();
        Console.WriteLine($"Tasks benchmark on {database.Provider}: {SubBranches} sub-branches × {Staff} staff × {weeks} weeks × {TasksPerPerson} tasks ({SubBranches * Staff * TasksPerPerson * weeks:N0} tasks), {iterations} calls per case");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRANCHNETWORK_HOST", RosterBenchmark.HostContentRoot());
        var watch = Stopwatch.StartNew();
        await using var app = new BenchmarkApp(database.ConnectionString, new Dictionary<string, string> { ["Database:Provider"] = database.Provider, ["Jobs:Enabled"] = "false" });
        using var client = app.CreateClient();
        Console.WriteLine($"Host started, schema migrated: {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var (schemeId, subBranchIds) = await SeedAsync(app.Services, weeks);
        Console.WriteLine($"Seeded in {watch.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}");
        if (!database.Provider.Equals("Sqlite", StringComparison.Ordinal))
        {
            await ExecuteAsync(database, "ANALYZE");
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await RosterBenchmark.PasswordTokenAsync(client, "supervisor"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, BankCalendar.Zone));
        var week = TaskWeek.Of(today);
        var board = subBranchIds[SubBranches / 2];
        var url = $"/api/tasks/supervision?schemeId={schemeId}&year={week.Year}&week={week.Number}";

        // Same figures first: the API and the EF aggregate against the raw rows.
        var raw = await RawOverviewAsync(database, schemeId, week.Start, today);
        var api = ParseOverview(await client.GetStringAsync(url));
        Check("overview (HTTP)", raw, api);
        using (var scope = app.Services.CreateScope())
        {
            Check("overview (EF)", raw, [.. (await WeekFigures.ReadAsync(scope.ServiceProvider.GetRequiredService<TasksDbContext>(), schemeId, week.Start, today, default)).Values.Select(f => new Figure(f.SubBranchId, f.Tasks, f.Done, f.Overdue))]);
            Check("team board", await RawBoardAsync(database, board, week.Start, today), await EfBoardAsync(scope.ServiceProvider.GetRequiredService<TasksDbContext>(), board, week.Start, today));
        }

        Console.WriteLine($"Checked: {raw.Count} sub-branches with {raw.Sum(r => r.Tasks):N0} tasks this week; both readers return the same figures.");

        var cases = new List<Measured>
        {
            new("raw SQL: overview GROUP BY sub-branch + plan states", iterations, async () => (await RawOverviewAsync(database, schemeId, week.Start, today)).Count),
            new("EF Core: overview aggregate + plan states (own DI scope)", iterations, async () =>
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
                var figures = await WeekFigures.ReadAsync(db, schemeId, week.Start, today, default);
                var plans = await db.Plans.AsNoTracking().Where(p => p.SchemeId == schemeId).Select(p => new { p.SubBranchId, p.State }).ToListAsync();
                return figures.Count + plans.Count;
            }),
            new("HTTP GET /api/tasks/supervision (bearer, JSON, 500 rows)", iterations, async () => (await client.GetStringAsync(url)).Length),
            new("raw SQL: team board (one sub-branch's week by person)", iterations, async () => (await RawBoardAsync(database, board, week.Start, today)).Count),
            new("EF Core: team board (own DI scope)", iterations, async () =>
            {
                using var scope = app.Services.CreateScope();
                return (await EfBoardAsync(scope.ServiceProvider.GetRequiredService<TasksDbContext>(), board, week.Start, today)).Count;
            }),
        };
        foreach (var c in cases)
        {
            for (var i = 0; i < 10; i++)
            {
                await c.Call();
            }
        }

        for (var round = 0; round < iterations; round++)
        {
            foreach (var c in cases)
            {
                await c.TimeAsync();
            }
        }

        Console.WriteLine($"Load average after: {LoadAverage()}");
        Console.WriteLine($"| case ({database.Provider}, {weeks} weeks) | median ms | p95 ms | × raw |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var c in cases)
        {
            var baseline = c.Name.Contains("board", StringComparison.Ordinal) ? cases[3] : cases[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Median:F2} | {c.P95:F2} | {c.Median / baseline.Median:F2} |"));
        }

        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Check(string what, List<Figure> expected, List<Figure> actual)
    {
        var e = expected.OrderBy(f => f.Key).ToList();
        var a = actual.Where(f => f.Tasks > 0).OrderBy(f => f.Key).ToList();
        if (!e.SequenceEqual(a))
        {
            throw new InvalidOperationException($"{what}: figures differ from the raw query ({e.Count} vs {a.Count} rows).");
        }
    }

    private static List<Figure> ParseOverview(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => new Figure(r.GetProperty("subBranchId").GetGuid(), r.GetProperty("tasks").GetInt32(), r.GetProperty("done").GetInt32(), r.GetProperty("overdue").GetInt32()))];

    /// <summary>The team board as the week area reads it: one sub-branch's week, per assignee.</summary>
    private static async Task<List<Figure>> EfBoardAsync(TasksDbContext db, Guid subBranchId, DateOnly weekStart, DateOnly today) =>
        await db.TaskAssignees.AsNoTracking()
            .Join(db.Tasks.Where(t => t.SubBranchId == subBranchId && t.WeekStart == weekStart && t.State != WeeklyTaskState.Cancelled), a => a.TaskId, t => t.Id, (a, t) => new { a.UserId, t.State, t.DueDate })
            .GroupBy(x => x.UserId)
            .Select(g => new Figure(g.Key, g.Count(), g.Count(x => x.State == WeeklyTaskState.Done), g.Count(x => x.State == WeeklyTaskState.Open && x.DueDate < today)))
            .ToListAsync();

    private static async Task<List<Figure>> RawOverviewAsync(BenchDatabase database, Guid schemeId, DateOnly weekStart, DateOnly today)
    {
        var sqlite = database.Provider == "Sqlite";
        var t = sqlite ? "" : "tasks.";
        await using var connection = Connection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT "SubBranchId", COUNT(*), SUM(CASE WHEN "State" = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN "State" = 0 AND "DueDate" < @today THEN 1 ELSE 0 END)
            FROM {t}"WeeklyTasks" WHERE "SchemeId" = @scheme AND "WeekStart" = @week AND "State" <> 3 GROUP BY "SubBranchId";
            SELECT "SubBranchId", "State" FROM {t}"WorkPlans" WHERE "SchemeId" = @scheme
            """;
        Add(command, "@scheme", Key(sqlite, schemeId));
        Add(command, "@week", Day(sqlite, weekStart));
        Add(command, "@today", Day(sqlite, today));
        var rows = new List<Figure>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Figure(reader.GetGuid(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }

        await reader.NextResultAsync();
        var plans = 0;
        while (await reader.ReadAsync())
        {
            plans += reader.GetInt32(1) >= 0 ? 1 : 0;
        }

        return rows;
    }

    private static async Task<List<Figure>> RawBoardAsync(BenchDatabase database, Guid subBranchId, DateOnly weekStart, DateOnly today)
    {
        var sqlite = database.Provider == "Sqlite";
        var t = sqlite ? "" : "tasks.";
        await using var connection = Connection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT a."UserId", COUNT(*), SUM(CASE WHEN w."State" = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN w."State" = 0 AND w."DueDate" < @today THEN 1 ELSE 0 END)
            FROM {t}"TaskAssignees" a JOIN {t}"WeeklyTasks" w ON w."Id" = a."TaskId"
            WHERE w."SubBranchId" = @sub AND w."WeekStart" = @week AND w."State" <> 3
            GROUP BY a."UserId"
            """;
        Add(command, "@sub", Key(sqlite, subBranchId));
        Add(command, "@week", Day(sqlite, weekStart));
        Add(command, "@today", Day(sqlite, today));
        var rows = new List<Figure>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Figure(reader.GetGuid(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static DbConnection Connection(BenchDatabase database) =>
        database.Provider == "Sqlite" ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);

    private static object Key(bool sqlite, Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;

    private static object Day(bool sqlite, DateOnly day) => sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static async Task ExecuteAsync(BenchDatabase database, string sql)
    {
        await using var connection = Connection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// 500 sub-branches (the demo ones and new ones), a plan each on the newest published scheme (a quarter approved, a
    /// quarter submitted, the rest draft), and for each of the last <paramref name="weeks"/> weeks 5 tasks per staff
    /// member: one in three written off, the rest open with due dates across the week (so some are overdue), through EF Core.
    /// </summary>
    private static async Task<(Guid SchemeId, List<Guid> SubBranchIds)> SeedAsync(IServiceProvider services, int weeks)
    {
        Guid schemeId;
        List<Guid> subBranches;
        using (var scope = services.CreateScope())
        {
            schemeId = (await scope.ServiceProvider.GetRequiredService<IAssessmentSheets>().ListSchemesAsync()).First(s => s.State == SchemeState.Published).SchemeId;
            var identity = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var headOffice = await identity.OrgUnits.FirstAsync(u => u.Kind == OrgUnitKind.HeadOffice);
            var existing = await identity.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.SubBranch);
            for (var n = existing; n < SubBranches; n++)
            {
                identity.OrgUnits.Add(new OrgUnit(string.Create(CultureInfo.InvariantCulture, $"BSB{n:000}"), string.Create(CultureInfo.InvariantCulture, $"基准支行{n:000}"), OrgUnitKind.SubBranch, headOffice));
            }

            await identity.SaveChangesAsync();
            subBranches = await identity.OrgUnits.Where(u => u.Kind == OrgUnitKind.SubBranch && !u.IsRetired).OrderBy(u => u.Code).Select(u => u.Id).ToListAsync();
        }

        var clock = services.GetRequiredService<IClock>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.UtcNow, BankCalendar.Zone));
        var by = Guid.NewGuid();
        var indicator = Guid.NewGuid();
        var random = new Random(12);
        foreach (var chunk in subBranches.Chunk(25))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var (subBranch, n) in chunk.Select((s, i) => (s, i)))
            {
                var plan = WorkPlan.Open(schemeId, "基准方案", subBranch, "基准支行");
                plan.ReviseMeasures([new MeasureDraft(null, indicator, "基准措施", null, by, "行长", [], null, null)]);
                if (n % 4 < 2)
                {
                    db.PlanVersions.Add(plan.Submit([new SheetIndicator(indicator, "基准指标")], by, "行长", clock));
                    if (n % 4 == 0)
                    {
                        plan.Approve(by, "督导", clock);
                    }
                }

                db.Plans.Add(plan);
                var measure = plan.Measures[0];
                var staff = Enumerable.Range(0, Staff).Select(s => (Guid.NewGuid(), string.Create(CultureInfo.InvariantCulture, $"员工{s:00}"))).ToList();
                for (var w = 0; w < weeks; w++)
                {
                    var week = TaskWeek.Of(today.AddDays(-7 * w));
                    foreach (var person in staff)
                    {
                        for (var k = 0; k < TasksPerPerson; k++)
                        {
                            var task = WeeklyTask.Create(
                                new NewTask(plan.Id, measure.Id, measure.Title, schemeId, subBranch, indicator, week, $"任务{k}", 5m, "户", week.Start.AddDays(random.Next(0, 7)), TaskRecurrence.Once, null, [person]),
                                by, "行长");
                            if (random.Next(3) == 0)
                            {
                                task.WriteOff(5m, null, null, person.Item1, person.Item2, clock);
                            }

                            db.Tasks.Add(task);
                        }
                    }
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        return (schemeId, subBranches);
    }
}
