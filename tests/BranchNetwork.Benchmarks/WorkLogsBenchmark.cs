using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Data;
using BranchNetwork.Modules.Identity.Domain;
using BranchNetwork.Modules.WorkLogs.Data;
using BranchNetwork.Modules.WorkLogs.Domain;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using static BranchNetwork.Benchmarks.AssessmentBenchmark;

namespace BranchNetwork.Benchmarks;

/// <summary>
/// WL-2 at scale: 10,000 users (40 sub-branches × 250) × N working days of daily logs (250 by default: a year; 9 in 10
/// submitted, most on time). Measures the day's submission statistics for the whole head office (one GROUP BY, over
/// HTTP and as the EF aggregate alone) and for one sub-branch (over HTTP, every member with their status), and a
/// full-text search for a word over one month (the newest page and the count, lower() LIKE as on both providers), each
/// against a raw SQL query returning the same rows, checked before timing, ratio in the same run.
/// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- worklogs [sqlite|postgres] [--days 250] [--iterations 50]
/// </summary>
internal static class WorkLogsBenchmark
{
    private const int SubBranchCount = 40;
    private const int UsersPerSubBranch = 250;
    private const string Word = "理财";
    private const int PageSize = 20;

    private static readonly string[] Phrases =
    [
        "走访客户", "办理开户", "营销存款", "整理台账", "电话回访", "参加晨会", "处理投诉", "拓展代发", "社区宣传", "商户走访", "信用卡推广", "贷款贷后检查",
    ];

    private sealed record DayFigure(Guid SubBranchId, int OnTime, int Late);

    private sealed record MemberDay(Guid UserId, int State, int? Timeliness);

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.Length > 0 && args[0].ToUpperInvariant() is "POSTGRES" or "POSTGRESQL" or "PG";
        var days = Option(args, "--days", 250);
        var iterations = Option(args, "--iterations", 50);
        await using var database = postgres ? await BenchDatabase.CreatePostgresAsync() : BenchDatabase.CreateSqlite();
        Console.WriteLine($"WorkLogs benchmark on {database.Provider}: {SubBranchCount * UsersPerSubBranch:N0} users × {days} working days, {iterations} calls per case");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRANCHNETWORK_HOST", RosterBenchmark.HostContentRoot());
        var watch = Stopwatch.StartNew();
        await using var app = new BenchmarkApp(database.ConnectionString, new Dictionary<string, string> { ["Database:Provider"] = database.Provider, ["Jobs:Enabled"] = "false" });
        using var client = app.CreateClient();
        Console.WriteLine($"Host started, schema migrated: {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var calendar = app.Services.GetRequiredService<BankCalendar>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, BankCalendar.Zone));
        var workingDays = new List<DateOnly>();
        for (var d = today.AddDays(-1); workingDays.Count < days; d = d.AddDays(-1))
        {
            if (calendar.IsWorkingDay(d))
            {
                workingDays.Add(d);
            }
        }

        var people = await SeedUsersAsync(app.Services);
        Console.WriteLine($"{people.Count:N0} users in {SubBranchCount} sub-branches through EF Core: {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        var logs = await InsertLogsAsync(database, people, workingDays);
        if (!database.Provider.Equals("Sqlite", StringComparison.Ordinal))
        {
            await ExecuteAsync(database, "ANALYZE");
        }

        Console.WriteLine($"{logs:N0} logs bulk-inserted in {watch.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}");

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await RosterBenchmark.PasswordTokenAsync(client, "supervisor"));
        var day = workingDays[0];
        var subBranch = people[people.Count / 2].SubBranchId;
        var (monthFrom, monthTo) = (day.AddDays(1 - day.Day), day);
        var headOfficeUrl = $"/api/worklogs/submissions?day={Date(day)}";
        var subBranchUrl = $"/api/worklogs/submissions?day={Date(day)}&subBranchId={subBranch}";

        // Same rows first: every reader against the raw query.
        var rawDay = await RawDayAsync(database, day);
        Check("head office day (EF)", rawDay, await EfDayAsync(app.Services, day));
        Check("head office day (HTTP)", rawDay, ParseHeadOffice(await client.GetStringAsync(headOfficeUrl)));
        var rawMembers = await RawSubBranchDayAsync(database, subBranch, day);
        Check("sub-branch day (HTTP)", rawMembers, ParseMembers(await client.GetStringAsync(subBranchUrl)));
        var rawSearch = await RawSearchAsync(database, monthFrom, monthTo);
        Check("search (EF)", rawSearch, await EfSearchAsync(app.Services, monthFrom, monthTo));
        Console.WriteLine($"Checked: {rawDay.Sum(r => r.OnTime + r.Late):N0} logs on {Date(day)} in {rawDay.Count} sub-branches, {rawMembers.Count} in the sub-branch, {rawSearch.Total:N0} logs with “{Word}” in {Date(monthFrom)}..{Date(monthTo)}; every reader returns the same rows.");

        var cases = new List<Measured>
        {
            new("raw SQL: head office's day, GROUP BY sub-branch", iterations, async () => (await RawDayAsync(database, day)).Count),
            new("EF Core: head office's day aggregate (own DI scope)", iterations, async () => (await EfDayAsync(app.Services, day)).Count),
            new($"HTTP GET {headOfficeUrl.Split('?')[0]} (head office, {SubBranchCount} lines, {people.Count:N0} members)", iterations, async () => (await client.GetStringAsync(headOfficeUrl)).Length),
            new("raw SQL: one sub-branch's day (its logs)", iterations, async () => (await RawSubBranchDayAsync(database, subBranch, day)).Count),
            new($"HTTP GET submissions?subBranchId (one sub-branch, {UsersPerSubBranch} rows)", iterations, async () => (await client.GetStringAsync(subBranchUrl)).Length),
            new($"raw SQL: “{Word}” over one month (page + count)", iterations, async () => (await RawSearchAsync(database, monthFrom, monthTo)).Total),
            new($"EF Core: “{Word}” over one month (page + count, own DI scope)", iterations, async () => (await EfSearchAsync(app.Services, monthFrom, monthTo)).Total),
        };
        foreach (var c in cases)
        {
            for (var i = 0; i < 5; i++)
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
        Console.WriteLine($"| case ({database.Provider}, {people.Count:N0} users × {days} days, {logs:N0} logs) | median ms | p95 ms | × raw |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var i = 0; i < cases.Count; i++)
        {
            var baseline = i < 3 ? cases[0] : i < 5 ? cases[3] : cases[5];
            var c = cases[i];
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

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Check<T>(string what, List<T> expected, List<T> actual)
    {
        if (!expected.SequenceEqual(actual))
        {
            throw new InvalidOperationException($"{what}: rows differ from the raw query ({expected.Count} vs {actual.Count} rows).");
        }
    }

    private static void Check(string what, (int Total, List<Guid> Page) expected, (int Total, List<Guid> Page) actual)
    {
        if (expected.Total != actual.Total || !expected.Page.SequenceEqual(actual.Page))
        {
            throw new InvalidOperationException($"{what}: rows differ from the raw query ({expected.Total} vs {actual.Total}).");
        }
    }

    private static List<DayFigure> ParseHeadOffice(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("subBranches").EnumerateArray()
            .Select(r => new DayFigure(r.GetProperty("subBranchId").GetGuid(), r.GetProperty("counts").GetProperty("onTime").GetInt32(), r.GetProperty("counts").GetProperty("late").GetInt32()))
            .Where(f => f.OnTime + f.Late > 0)
            .OrderBy(f => f.SubBranchId)];

    /// <summary>The members with a log that day, as the API shows them (state from status; no draft in the seed).</summary>
    private static List<MemberDay> ParseMembers(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("members").EnumerateArray()
            .Where(m => m.GetProperty("logId").ValueKind != JsonValueKind.Null)
            .Select(m => new MemberDay(m.GetProperty("userId").GetGuid(), 1, m.GetProperty("status").GetString() == "OnTime" ? 0 : 1))
            .OrderBy(m => m.UserId)];

    private static async Task<List<DayFigure>> EfDayAsync(IServiceProvider services, DateOnly day)
    {
        using var scope = services.CreateScope();
        return [.. (await SubmissionFigures.BySubBranchAsync(scope.ServiceProvider.GetRequiredService<WorkLogsDbContext>(), day, default))
            .Select(f => new DayFigure(f.Key, f.Value.OnTime, f.Value.Late)).OrderBy(f => f.SubBranchId)];
    }

    /// <summary>What the reading area's search does: submitted logs of the month whose texts contain the word, newest first.</summary>
    private static async Task<(int Total, List<Guid> Page)> EfSearchAsync(IServiceProvider services, DateOnly from, DateOnly to)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkLogsDbContext>();
        var pattern = $"%{Word.ToLowerInvariant()}%";
        var found = db.Logs.AsNoTracking().Where(l => l.State == LogState.Submitted && l.Day >= from && l.Day <= to
            && (EF.Functions.Like(l.Done!.ToLower(), pattern) || EF.Functions.Like(l.Problems!.ToLower(), pattern) || EF.Functions.Like(l.Plan!.ToLower(), pattern)));
        var total = await found.CountAsync();
        var page = await found.OrderByDescending(l => l.Day).ThenBy(l => l.Id).Select(l => l.Id).Take(PageSize).ToListAsync();
        return (total, page);
    }

    private static async Task<List<DayFigure>> RawDayAsync(BenchDatabase database, DateOnly day)
    {
        var sqlite = database.Provider == "Sqlite";
        await using var connection = Connection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT "SubBranchId", SUM(CASE WHEN "Timeliness" = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN "Timeliness" = 1 THEN 1 ELSE 0 END)
            FROM {Table(sqlite)} WHERE "Day" = @day AND "State" = 1 GROUP BY "SubBranchId"
            """;
        Add(command, "@day", Day(sqlite, day));
        var rows = new List<DayFigure>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new DayFigure(reader.GetGuid(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return [.. rows.OrderBy(r => r.SubBranchId)];
    }

    private static async Task<List<MemberDay>> RawSubBranchDayAsync(BenchDatabase database, Guid subBranchId, DateOnly day)
    {
        var sqlite = database.Provider == "Sqlite";
        await using var connection = Connection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "AuthorId", "State", "Timeliness" FROM {Table(sqlite)} WHERE "SubBranchId" = @sub AND "Day" = @day""";
        Add(command, "@sub", Key(sqlite, subBranchId));
        Add(command, "@day", Day(sqlite, day));
        var rows = new List<MemberDay>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new MemberDay(reader.GetGuid(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), reader.IsDBNull(2) ? null : Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return [.. rows.Where(r => r.State == 1).OrderBy(r => r.UserId)];
    }

    private static async Task<(int Total, List<Guid> Page)> RawSearchAsync(BenchDatabase database, DateOnly from, DateOnly to)
    {
        var sqlite = database.Provider == "Sqlite";
        await using var connection = Connection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var where = $"""
            FROM {Table(sqlite)} WHERE "State" = 1 AND "Day" >= @from AND "Day" <= @to
              AND (lower("Done") LIKE @q OR lower("Problems") LIKE @q OR lower("Plan") LIKE @q)
            """;
        command.CommandText = $"""SELECT COUNT(*) {where}; SELECT "Id" {where} ORDER BY "Day" DESC, "Id" LIMIT {PageSize}""";
        Add(command, "@from", Day(sqlite, from));
        Add(command, "@to", Day(sqlite, to));
        Add(command, "@q", $"%{Word.ToLowerInvariant()}%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
        await reader.NextResultAsync();
        var page = new List<Guid>();
        while (await reader.ReadAsync())
        {
            page.Add(reader.GetGuid(0));
        }

        return (total, page);
    }

    private static string Table(bool sqlite) => sqlite ? "\"DailyLogs\"" : "worklogs.\"DailyLogs\"";

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

    private sealed record Person(Guid Id, string Name, Guid SubBranchId);

    /// <summary>40 sub-branches (the demo ones and new ones), each with 250 active members besides the demo accounts: 10,000 authors.</summary>
    private static async Task<List<Person>> SeedUsersAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var identity = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        identity.ChangeTracker.AutoDetectChangesEnabled = false;
        var headOffice = await identity.OrgUnits.FirstAsync(u => u.Kind == OrgUnitKind.HeadOffice);
        var existing = await identity.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.SubBranch);
        for (var n = existing; n < SubBranchCount; n++)
        {
            identity.OrgUnits.Add(new OrgUnit(string.Create(CultureInfo.InvariantCulture, $"WSB{n:000}"), string.Create(CultureInfo.InvariantCulture, $"日志支行{n:000}"), OrgUnitKind.SubBranch, headOffice));
        }

        identity.ChangeTracker.DetectChanges();
        await identity.SaveChangesAsync();
        var subBranches = await identity.OrgUnits.Where(u => u.Kind == OrgUnitKind.SubBranch && !u.IsRetired).OrderBy(u => u.Code).Select(u => u.Id).Take(SubBranchCount).ToListAsync();
        var people = new List<Person>();
        foreach (var (subBranch, s) in subBranches.Select((id, i) => (id, i)))
        {
            for (var p = 0; p < UsersPerSubBranch; p++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"wl{s:000}{p:000}");
                var user = new BankUser
                {
                    UserName = name,
                    NormalizedUserName = name.ToUpperInvariant(),
                    DisplayName = string.Create(CultureInfo.InvariantCulture, $"日志员工{s:000}-{p:000}"),
                    UnitId = subBranch,
                    Position = "客户经理",
                    CreatedAtUtc = DateTime.UtcNow,
                };
                identity.Users.Add(user);
                people.Add(new Person(user.Id, user.DisplayName, subBranch));
            }
        }

        identity.ChangeTracker.DetectChanges();
        await identity.SaveChangesAsync();
        return people;
    }

    /// <summary>
    /// Per person and working day: 9 in 10 submitted (of those 1 in 8 late), the rest missing; the texts draw from a
    /// dozen phrases, “理财” in about 1 in 20 logs. Bulk-inserted (prepared inserts in one transaction on SQLite, COPY on PostgreSQL).
    /// </summary>
    private static async Task<long> InsertLogsAsync(BenchDatabase database, List<Person> people, List<DateOnly> days)
    {
        var random = new Random(13);
        long rows = 0;
        IEnumerable<(Guid Id, Person Who, DateOnly Day, int Timeliness, DateTime At, string Done)> Logs()
        {
            foreach (var day in days)
            {
                var cutOff = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(20, 0)), BankCalendar.Zone);
                foreach (var who in people)
                {
                    if (random.Next(10) == 0)
                    {
                        continue;
                    }

                    var late = random.Next(8) == 0;
                    var done = string.Join("，", Enumerable.Range(0, 3).Select(_ => Phrases[random.Next(Phrases.Length)])) + (random.Next(20) == 0 ? $"，推荐{Word}产品" : "");
                    yield return (Guid.CreateVersion7(), who, day, late ? 1 : 0, cutOff.AddMinutes(late ? random.Next(1, 600) : -random.Next(1, 480)), done);
                }
            }
        }

        if (database.Provider == "Sqlite")
        {
            await using var connection = new SqliteConnection(database.ConnectionString + ";Pooling=False");
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA cache_size = -400000; PRAGMA synchronous = OFF;";
                await pragma.ExecuteNonQueryAsync();
            }

            await using var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "DailyLogs" ("Id", "AuthorId", "AuthorName", "SubBranchId", "UnitId", "Day", "State", "Done", "Plan", "SharedWithTeam", "SubmittedAtUtc", "Timeliness", "LastSavedAtUtc", "Attachments", "TemplateFields", "Version", "CreatedAtUtc", "UpdatedAtUtc")
                VALUES ($id, $author, $name, $sub, $sub, $day, 1, $done, '继续跟进', 0, $at, $timeliness, $at, '[]', '[]', 1, $at, $at)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var author = insert.Parameters.Add("$author", SqliteType.Text);
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            var sub = insert.Parameters.Add("$sub", SqliteType.Text);
            var day = insert.Parameters.Add("$day", SqliteType.Text);
            var done = insert.Parameters.Add("$done", SqliteType.Text);
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            var timeliness = insert.Parameters.Add("$timeliness", SqliteType.Integer);
            insert.Prepare();
            foreach (var log in Logs())
            {
                id.Value = Key(true, log.Id);
                author.Value = Key(true, log.Who.Id);
                name.Value = log.Who.Name;
                sub.Value = Key(true, log.Who.SubBranchId);
                day.Value = Day(true, log.Day);
                done.Value = log.Done;
                at.Value = log.At.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                timeliness.Value = log.Timeliness;
                await insert.ExecuteNonQueryAsync();
                rows++;
            }

            await transaction.CommitAsync();
            return rows;
        }

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var import = await connection.BeginBinaryImportAsync(
                """COPY worklogs."DailyLogs" ("Id", "AuthorId", "AuthorName", "SubBranchId", "UnitId", "Day", "State", "Done", "Plan", "SharedWithTeam", "SubmittedAtUtc", "Timeliness", "LastSavedAtUtc", "Attachments", "TemplateFields", "Version", "CreatedAtUtc", "UpdatedAtUtc") FROM STDIN (FORMAT BINARY)""");
            import.Timeout = TimeSpan.FromMinutes(20);
            foreach (var log in Logs())
            {
                await import.StartRowAsync();
                await import.WriteAsync(log.Id, NpgsqlDbType.Uuid);
                await import.WriteAsync(log.Who.Id, NpgsqlDbType.Uuid);
                await import.WriteAsync(log.Who.Name, NpgsqlDbType.Varchar);
                await import.WriteAsync(log.Who.SubBranchId, NpgsqlDbType.Uuid);
                await import.WriteAsync(log.Who.SubBranchId, NpgsqlDbType.Uuid);
                await import.WriteAsync(log.Day, NpgsqlDbType.Date);
                await import.WriteAsync((int)LogState.Submitted, NpgsqlDbType.Integer);
                await import.WriteAsync(log.Done, NpgsqlDbType.Varchar);
                await import.WriteAsync("继续跟进", NpgsqlDbType.Varchar);
                await import.WriteAsync(false, NpgsqlDbType.Boolean);
                await import.WriteAsync(log.At, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(log.Timeliness, NpgsqlDbType.Integer);
                await import.WriteAsync(log.At, NpgsqlDbType.TimestampTz);
                await import.WriteAsync("[]", NpgsqlDbType.Varchar);
                await import.WriteAsync("[]", NpgsqlDbType.Varchar);
                await import.WriteAsync(1L, NpgsqlDbType.Bigint);
                await import.WriteAsync(log.At, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(log.At, NpgsqlDbType.TimestampTz);
                rows++;
            }

            await import.CompleteAsync();
        }

        return rows;
    }
}
