using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.SharedKernel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace BranchNetwork.Benchmarks;

/// <summary>
/// The all-sub-branches results query and full scheme scoring of the Assessment module on a large network:
/// 500 sub-branches × 30 indicators, progress for 30 days and then for 365 days (5,475,000 entries), measured
/// per call against a raw ADO.NET query that returns the same rows from the same database in the same run.
/// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- assessment [sqlite|postgres] [--subbranches 500] [--days 365] [--iterations 200]
/// (a small run: --subbranches 50 --days 30; a bare number after the provider is still read as the iterations).
/// </summary>
internal static class AssessmentBenchmark
{
    private const int IndicatorCount = 30;

    /// <summary>The scheme's period, a year, whatever the history loaded: time progress and paces are computed on it.</summary>
    private const int Days = 365;
    private const int FirstHistoryDays = 30;
    private static readonly DateOnly Start = new(2025, 1, 1);

    /// <summary>Set once per run from <c>--subbranches</c> (the sheet case shares the seeding).</summary>
    internal static int SubBranches { get; private set; } = 500;

    internal static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }

    internal static void UseSubBranches(int subBranches) => SubBranches = subBranches;
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.Length > 0 ? args[0].ToUpperInvariant() : "SQLITE";
        var postgres = provider is "POSTGRES" or "POSTGRESQL" or "PG";
        if (!postgres && provider != "SQLITE")
        {
            Console.Error.WriteLine($"Unknown provider '{args[0]}': use sqlite or postgres.");
            return 2;
        }

        var iterations = Option(args, "--iterations", args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 200);
        UseSubBranches(Option(args, "--subbranches", 500));
        var historyDays = Math.Min(Option(args, "--days", Days), Days);
        await using var database = postgres ? await BenchDatabase.CreatePostgresAsync() : BenchDatabase.CreateSqlite();
        Console.WriteLine($"Assessment benchmark on {database.Provider}: {SubBranches} sub-branches × {IndicatorCount} indicators × {historyDays} days of progress, {iterations} calls per case after warm-up");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRANCHNETWORK_HOST", RosterBenchmark.HostContentRoot());
        var watch = Stopwatch.StartNew();
        await using var app = new BenchmarkApp(database.ConnectionString, new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider,
            ["Jobs:Enabled"] = "false",
        });
        using var client = app.CreateClient(); // starts the host: migrations and demo data run here
        Console.WriteLine($"Host started, schema migrated: {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var seed = await SeedSchemeAsync(app.Services);
        Console.WriteLine($"Scheme, {SubBranches} sheets and {seed.Targets.Count} targets through EF Core: {watch.Elapsed.TotalSeconds:F1} s");

        var token = await RosterBenchmark.PasswordTokenAsync(client, "head01");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var results = new List<(int HistoryDays, long ProgressRows, IReadOnlyList<Measured> Cases)>();
        foreach (var upToDay in new[] { Math.Min(FirstHistoryDays, historyDays), historyDays }.Distinct())
        {
            watch.Restart();
            var rows = await database.InsertProgressAsync(seed, upToDay);
            await database.ProjectAsync(seed);
            await database.AnalyzeAsync();
            Console.WriteLine($"Progress up to day {upToDay}: {rows:N0} rows bulk-inserted and projected in {watch.Elapsed.TotalSeconds:F1} s");
            var total = await database.CountProgressAsync();
            Console.WriteLine($"Measuring with {total:N0} progress entries; load average before: {LoadAverage()}");
            results.Add((upToDay, total, await MeasureAsync(app.Services, database, client, seed, iterations)));
            Console.WriteLine($"  done; load average after: {LoadAverage()}");
            Report(database.Provider, iterations, results.TakeLast(1).ToList());
        }

        Report(database.Provider, iterations, results);
        return 0;
    }

    /// <summary>The machine is shared: the 1/5/15-minute load average says how contended the run was.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<IReadOnlyList<Measured>> MeasureAsync(IServiceProvider services, BenchDatabase database, HttpClient client, Seed seed, int iterations)
    {
        AssessmentScheme scheme;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
            scheme = await db.Schemes.AsNoTracking().Include(s => s.Indicators).SingleAsync(s => s.Id == seed.SchemeId);
        }

        // The same rows the reader reads, once, to check the API against and to score in memory alone.
        var (rawSheets, rawCells) = await database.ReadRawAsync(seed.SchemeId);
        SchemeResults check;
        using (var scope = services.CreateScope())
        {
            check = await scope.ServiceProvider.GetRequiredService<SchemeResultsReader>().ReadAsync(scheme, CancellationToken.None);
        }

        Verify(check, rawSheets, rawCells);
        VerifyHttp(await client.GetStringAsync($"/api/assessment/schemes/{seed.SchemeId}/results"), check, rawCells);
        var scoring = scheme.Indicators.OrderBy(i => i.SortOrder).Select(i => new ScoringIndicator(i.IndicatorId, i.Weight, i.Direction, i.Rule)).ToList();
        var scoringSheets = rawSheets.Select(s => new ScoringSheet(
            s.SubBranchId,
            s.Adjustment,
            rawCells.Where(c => c.SubBranchId == s.SubBranchId).Select(c => new ScoringCell(c.IndicatorId, c.Target, c.Actual)).ToList())).ToList();
        var timeProgress = scheme.TimeProgress(scheme.EndDate);

        var cases = new List<Measured>
        {
            new("raw ADO.NET: sheets + target cells into structs", iterations, async () =>
            {
                var (sheets, cells) = await database.ReadRawAsync(seed.SchemeId);
                return sheets.Count + cells.Count;
            }),
            new("SchemeResultsReader.ReadAsync (query + scoring, own DI scope)", iterations, async () =>
            {
                using var scope = services.CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<SchemeResultsReader>().ReadAsync(scheme, CancellationToken.None);
                return result.Rows.Count;
            }),
            new("  of which: EF Core queries alone (the reader's two projections)", iterations, async () =>
            {
                using var scope = services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
                var sheets = await db.Sheets.AsNoTracking().Where(s => s.SchemeId == seed.SchemeId)
                    .Select(s => new RawSheet(s.SubBranchId, s.SubBranchCode, s.SubBranchName, s.ScoreAdjustment, s.FinalScore, s.FinalGrade, s.FinalRank)).ToListAsync();
                var cells = await db.Targets.AsNoTracking().Where(t => t.SchemeId == seed.SchemeId)
                    .Select(t => new RawCell(t.SubBranchId, t.IndicatorId, t.Value, t.ActualValue, t.ActualAsOf, t.Completion, t.Score)).ToListAsync();
                return sheets.Count + cells.Count;
            }),
            new("  of which: ScoringEngine.Score alone (in-memory rows)", iterations, () =>
                Task.FromResult(ScoringEngine.Score(scoring, scoringSheets, scheme.Bands, timeProgress, scheme.BehindMarginPoints).Count)),
            new("HTTP GET /api/assessment/schemes/{id}/results (bearer, JSON)", Math.Max(20, iterations / 4), async () =>
                (await client.GetStringAsync($"/api/assessment/schemes/{seed.SchemeId}/results")).Length),
        };

        // Warm-up, then rounds that call every case in turn, so a noisy neighbour on the shared cores hits all alike.
        foreach (var c in cases)
        {
            for (var i = 0; i < 20; i++)
            {
                await c.Call();
            }
        }

        for (var round = 0; round < iterations; round++)
        {
            foreach (var c in cases.Where(c => round < c.Iterations))
            {
                await c.TimeAsync();
            }
        }

        return cases;
    }

    private static void Verify(SchemeResults results, List<RawSheet> sheets, List<RawCell> cells)
    {
        var cellCount = results.Rows.Sum(r => r.Cells.Count);
        if (results.Rows.Count != sheets.Count || cellCount != cells.Count || sheets.Count != SubBranches || cells.Count != SubBranches * IndicatorCount)
        {
            throw new InvalidOperationException($"Reader returned {results.Rows.Count} rows / {cellCount} cells, raw {sheets.Count} / {cells.Count}.");
        }

        var raw = cells.ToDictionary(c => (c.SubBranchId, c.IndicatorId), c => (c.Target, c.Actual, c.AsOf, c.Completion, c.Score));
        var columns = results.Indicators.Select(i => i.IndicatorId).ToList();
        foreach (var row in results.Rows)
        {
            if (!row.Cells.Select(c => c.IndicatorId).SequenceEqual(columns))
            {
                throw new InvalidOperationException("A row's cells are not in the scheme's indicator order.");
            }

            foreach (var cell in row.Cells)
            {
                if (raw[(row.SubBranchId, cell.IndicatorId)] != (cell.Target, cell.Actual, cell.ActualAsOf, cell.Completion, cell.Score))
                {
                    throw new InvalidOperationException("Reader and raw query disagree on a cell's target, actual, as-of date, completion or score.");
                }
            }
        }
    }

    /// <summary>The HTTP case returns the same rows as the raw query: every sheet, every cell's figures, the reader's ranks.</summary>
    private static void VerifyHttp(string json, SchemeResults results, List<RawCell> cells)
    {
        var raw = cells.ToDictionary(c => (c.SubBranchId, c.IndicatorId), c => (c.Target, c.Actual, c.Completion, c.Score));
        var rows = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray().ToList();
        var apiCells = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var subBranchId = rows[i].GetProperty("subBranchId").GetGuid();
            if (i >= results.Rows.Count || subBranchId != results.Rows[i].SubBranchId || rows[i].GetProperty("rank").GetInt32() != results.Rows[i].Rank)
            {
                throw new InvalidOperationException($"HTTP results row {i} is not the reader's row (sub-branch or rank differ).");
            }

            foreach (var cell in rows[i].GetProperty("cells").EnumerateArray())
            {
                apiCells++;
                var actual = cell.GetProperty("actual");
                var figures = (cell.GetProperty("target").GetDecimal(), actual.ValueKind == System.Text.Json.JsonValueKind.Null ? (decimal?)null : actual.GetDecimal(), cell.GetProperty("completion").GetDecimal(), cell.GetProperty("score").GetDecimal());
                if (!raw.TryGetValue((subBranchId, cell.GetProperty("indicatorId").GetGuid()), out var expected) || expected != figures)
                {
                    throw new InvalidOperationException("HTTP results and the raw query disagree on a cell's target, actual, completion or score.");
                }
            }
        }

        if (rows.Count != results.Rows.Count || apiCells != cells.Count)
        {
            throw new InvalidOperationException($"HTTP results returned {rows.Count} rows / {apiCells} cells, raw {results.Rows.Count} / {cells.Count}.");
        }

        Console.WriteLine($"Checked: reader and HTTP results return the raw rows ({rows.Count} sheets, {apiCells:N0} cells).");
    }

    private static void Report(string provider, int iterations, List<(int HistoryDays, long ProgressRows, IReadOnlyList<Measured> Cases)> results)
    {
        Console.WriteLine();
        Console.WriteLine($"## {provider}: ms per call (median / p95), {iterations} calls per case (HTTP: {Math.Max(20, iterations / 4)})");
        Console.WriteLine();
        Console.WriteLine($"| Case | {string.Join(" | ", results.Select(r => $"{r.HistoryDays} days ({r.ProgressRows:N0} entries)"))} |");
        Console.WriteLine($"|---|{string.Join("|", results.Select(_ => "---"))}|");
        for (var i = 0; i < results[0].Cases.Count; i++)
        {
            Console.WriteLine($"| {results[0].Cases[i].Name} | {string.Join(" | ", results.Select(r => $"{r.Cases[i].Median:F2} / {r.Cases[i].P95:F2}"))} |");
        }

        Console.WriteLine($"| ratio reader / raw (median) | {string.Join(" | ", results.Select(r => $"{r.Cases[1].Median / r.Cases[0].Median:F2} ×"))} |");
        Console.WriteLine($"| ratio EF queries / raw (median) | {string.Join(" | ", results.Select(r => $"{r.Cases[2].Median / r.Cases[0].Median:F2} ×"))} |");
        Console.WriteLine($"| ratio HTTP / raw (median) | {string.Join(" | ", results.Select(r => $"{r.Cases[4].Median / r.Cases[0].Median:F2} ×"))} |");
    }

    /// <param name="firstSubBranchId">A real sub-branch for the first sheet, so its head can open it through the API.</param>
    internal static async Task<Seed> SeedSchemeAsync(IServiceProvider services, Guid? firstSubBranchId = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
        var random = new Random(20261123);
        var indicators = Enumerable.Range(1, IndicatorCount).Select(i => new Indicator
        {
            Code = $"BENCH-{i:D2}",
            Name = $"基准指标{i:D2}",
            Unit = "万元",
            Direction = i % 5 == 0 ? IndicatorDirection.LowerIsBetter : IndicatorDirection.HigherIsBetter,
            DataSource = IndicatorDataSource.Import,
            RuleKind = i % 7 == 0 ? ScoringRuleKind.Banded : i % 3 == 0 ? ScoringRuleKind.Threshold : ScoringRuleKind.Ratio,
            RuleMinimumCompletion = i % 3 == 0 ? 0.5m : null,
            RuleBands = i % 7 == 0 ? "0.6:0.5;0.8:0.8;1:1" : null,
            AllowSubBranchEntry = i % 2 == 0,
        }).ToList();
        var scheme = AssessmentScheme.CreateDraft(
            new SchemeTerms($"基准方案 {SubBranches}×{IndicatorCount}", PeriodKind.Year, Start, Start.AddDays(Days - 1), SchemeKind.Comprehensive, null, GradeBands.Default, AssessmentScheme.DefaultBehindMarginPoints),
            Guid.Empty);
        // 10 × 3.34 + 20 × 3.33 = 100 exactly.
        scheme.SetIndicators(indicators.Select((indicator, i) => (indicator, i < 10 ? 3.34m : 3.33m)).ToList());

        var units = Enumerable.Range(1, SubBranches).Select(i => new IssuedUnit(i == 1 && firstSubBranchId is { } first ? first : Guid.NewGuid(), $"SB{i:D3}", $"基准支行{i:D3}")).ToList();
        var sheets = scheme.Publish(
                new SystemClock(),
                units,
                units.SelectMany(u => indicators.Select(i => (u.SubBranchId, i.Id))).ToHashSet(),
                indicators.ToDictionary(i => i.Id))
            .OrderBy(sheet => sheet.SubBranchId).ToList();
        var targets = new List<Target>(SubBranches * IndicatorCount);
        var pace = new List<decimal>(SubBranches * IndicatorCount);
        foreach (var sheet in sheets)
        {
            foreach (var indicator in indicators)
            {
                targets.Add(new Target { SchemeId = scheme.Id, SubBranchId = sheet.SubBranchId, IndicatorId = indicator.Id, Value = 100m + random.Next(0, 9_900) });
                // Each cell ends the year somewhere between 50 % and 130 % of its target.
                pace.Add(0.5m + (random.Next(0, 81) / 100m));
            }
        }

        db.Indicators.AddRange(indicators);
        db.Schemes.Add(scheme);
        db.Sheets.AddRange(sheets);
        db.Targets.AddRange(targets);
        await db.SaveChangesAsync();
        var scoring = scheme.Indicators.ToDictionary(l => l.IndicatorId, l => new ScoringIndicator(l.IndicatorId, l.Weight, l.Direction, l.Rule));
        return new Seed(scheme.Id, targets, pace, indicators.Select(i => i.Direction).ToList(), new Guid[targets.Count], new decimal[targets.Count], new int[targets.Count], scoring);
    }

    internal sealed record Seed(Guid SchemeId, List<Target> Targets, List<decimal> Pace, List<IndicatorDirection> Directions, Guid[] LastEntryIds, decimal[] LastValues, int[] LastDays, Dictionary<Guid, ScoringIndicator> Scoring)
    {
        /// <summary>
        /// Days of a cell up to <paramref name="toDay"/> not yet inserted. Before the end of the year three cells in four are
        /// 1–3 days behind, so the cells' as-of dates differ and the check of the reader's output can tell them apart.
        /// </summary>
        public (int From, int To) Pending(int cell, int toDay) => (LastDays[cell] + 1, toDay < Days ? toDay - (cell % 4) : toDay);

        public static DateOnly DateOf(int day) => Start.AddDays(day - 1);

        /// <summary>The cumulative actual of a cell on a day (for lower-is-better indicators a count that grows slower).</summary>
        public decimal ValueOn(int cell, int day)
        {
            var target = Targets[cell].Value;
            var pace = Pace[cell];
            var share = (decimal)day / Days;
            var value = Directions[cell % IndicatorCount] == IndicatorDirection.LowerIsBetter ? target * share / pace : target * share * pace;
            return Math.Round(value, 4);
        }
    }

    internal readonly record struct RawSheet(Guid SubBranchId, string Code, string Name, decimal Adjustment, decimal? FinalScore, Grade? FinalGrade, int? FinalRank);

    internal sealed record RawSheetView(List<Guid> Columns, RawSheet Sheet, List<RawCell> Cells, int WarningsAndAppeals, List<(Guid SubBranchId, double Total)> Totals);

    internal readonly record struct RawCell(Guid SubBranchId, Guid IndicatorId, decimal Target, decimal? Actual, DateOnly? AsOf, decimal Completion, decimal Score);

    internal sealed class Measured(string name, int iterations, Func<Task<int>> call)
    {
        private readonly List<double> times = new(iterations);

        public string Name => name;

        public int Iterations => iterations;

        public Func<Task<int>> Call => call;

        public double Median => Percentile(0.5);

        public double P95 => Percentile(0.95);

        public async Task TimeAsync()
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        private double Percentile(double p)
        {
            var sorted = times.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        }
    }

    /// <summary>A fresh database for one run (SQLite file or PostgreSQL database), dropped afterwards.</summary>
    internal sealed class BenchDatabase : IAsyncDisposable
    {
        private readonly string? sqlitePath;
        private readonly string? postgresAdmin;
        private readonly string? postgresName;

        private BenchDatabase(string provider, string connectionString, string? sqlitePath, string? postgresAdmin, string? postgresName)
        {
            Provider = provider;
            ConnectionString = connectionString;
            this.sqlitePath = sqlitePath;
            this.postgresAdmin = postgresAdmin;
            this.postgresName = postgresName;
        }

        public string Provider { get; }

        public string ConnectionString { get; }

        private bool IsSqlite => sqlitePath is not null;

        /// <summary>Table prefix: the module's schema on PostgreSQL, none on SQLite.</summary>
        private string T => IsSqlite ? "" : "assessment.";

        public static BenchDatabase CreateSqlite()
        {
            var path = Path.Combine(Path.GetTempPath(), $"branchnet-assessment-bench-{Guid.NewGuid():N}.db");
            return new BenchDatabase("Sqlite", $"Data Source={path}", path, null, null);
        }

        public static async Task<BenchDatabase> CreatePostgresAsync()
        {
            var admin = Environment.GetEnvironmentVariable("BRANCHNET_TEST_POSTGRES") is { Length: > 0 } configured
                ? configured
                : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
            var name = "bn_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
            return new BenchDatabase("PostgreSql", connectionString, null, admin, name);
        }

        private DbConnection NewConnection() => IsSqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

        /// <summary>A GUID as each provider stores it: EF Core keeps them as upper-case text on SQLite.</summary>
        private object Key(Guid id) => IsSqlite ? id.ToString().ToUpperInvariant() : id;

        public async Task<long> InsertProgressAsync(Seed seed, int toDay)
        {
            var enteredBy = Guid.NewGuid();
            var enteredAt = DateTime.UtcNow;
            long rows = 0;
            if (IsSqlite)
            {
                // Unpooled: the seeding pragmas must not leak into the pooled connections that are measured.
                await using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
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
                    INSERT INTO "ProgressEntries" ("Id", "SchemeId", "SubBranchId", "IndicatorId", "Date", "Value", "Source", "EnteredById", "EnteredByName", "EnteredAtUtc", "SupersedesEntryId", "Reason")
                    VALUES ($id, $scheme, $sub, $indicator, $date, $value, 1, $by, '基准导入', $at, NULL, NULL)
                    """;
                var id = insert.Parameters.Add("$id", SqliteType.Text);
                insert.Parameters.AddWithValue("$scheme", Key(seed.SchemeId));
                var sub = insert.Parameters.Add("$sub", SqliteType.Text);
                var indicator = insert.Parameters.Add("$indicator", SqliteType.Text);
                var date = insert.Parameters.Add("$date", SqliteType.Text);
                var value = insert.Parameters.Add("$value", SqliteType.Text);
                insert.Parameters.AddWithValue("$by", Key(enteredBy));
                insert.Parameters.AddWithValue("$at", enteredAt);
                insert.Prepare();
                for (var cell = 0; cell < seed.Targets.Count; cell++)
                {
                    var target = seed.Targets[cell];
                    sub.Value = Key(target.SubBranchId);
                    indicator.Value = Key(target.IndicatorId);
                    var (fromDay, lastDay) = seed.Pending(cell, toDay);
                    for (var day = fromDay; day <= lastDay; day++)
                    {
                        var entryId = Guid.CreateVersion7();
                        var v = seed.ValueOn(cell, day);
                        id.Value = Key(entryId);
                        date.Value = Seed.DateOf(day);
                        value.Value = v;
                        await insert.ExecuteNonQueryAsync();
                        seed.LastEntryIds[cell] = entryId;
                        seed.LastValues[cell] = v;
                        seed.LastDays[cell] = day;
                        rows++;
                    }
                }

                await transaction.CommitAsync();
                return rows;
            }

            await using (var connection = new NpgsqlConnection(ConnectionString))
            {
                await connection.OpenAsync();
                await using var import = await connection.BeginBinaryImportAsync(
                    """COPY assessment."ProgressEntries" ("Id", "SchemeId", "SubBranchId", "IndicatorId", "Date", "Value", "Source", "EnteredById", "EnteredByName", "EnteredAtUtc", "SupersedesEntryId", "Reason") FROM STDIN (FORMAT BINARY)""");
                import.Timeout = TimeSpan.FromMinutes(20); // the server finishes the load (and its indexes) at Complete
                for (var cell = 0; cell < seed.Targets.Count; cell++)
                {
                    var target = seed.Targets[cell];
                    var (fromDay, lastDay) = seed.Pending(cell, toDay);
                    for (var day = fromDay; day <= lastDay; day++)
                    {
                        var entryId = Guid.CreateVersion7();
                        var v = seed.ValueOn(cell, day);
                        await import.StartRowAsync();
                        await import.WriteAsync(entryId, NpgsqlDbType.Uuid);
                        await import.WriteAsync(seed.SchemeId, NpgsqlDbType.Uuid);
                        await import.WriteAsync(target.SubBranchId, NpgsqlDbType.Uuid);
                        await import.WriteAsync(target.IndicatorId, NpgsqlDbType.Uuid);
                        await import.WriteAsync(Seed.DateOf(day), NpgsqlDbType.Date);
                        await import.WriteAsync(v, NpgsqlDbType.Numeric);
                        await import.WriteAsync((int)ProgressSource.Import, NpgsqlDbType.Integer);
                        await import.WriteAsync(enteredBy, NpgsqlDbType.Uuid);
                        await import.WriteAsync("基准导入", NpgsqlDbType.Varchar);
                        await import.WriteAsync(enteredAt, NpgsqlDbType.TimestampTz);
                        await import.WriteNullAsync();
                        await import.WriteNullAsync();
                        seed.LastEntryIds[cell] = entryId;
                        seed.LastValues[cell] = v;
                        seed.LastDays[cell] = day;
                        rows++;
                    }
                }

                await import.CompleteAsync();
            }

            return rows;
        }

        /// <summary>Moves each target's current-value projection to its latest entry, as ProgressWriter does per entry.</summary>
        public async Task ProjectAsync(Seed seed)
        {
            await using var connection = NewConnection();
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandTimeout = 600;
            update.CommandText = $"""UPDATE {T}"Targets" SET "ActualValue" = @value, "ActualAsOf" = @date, "ActualEntryId" = @entry, "Completion" = @completion, "Score" = @score, "Version" = "Version" + 1 WHERE "Id" = @id""";
            var value = Parameter(update, "@value");
            var date = Parameter(update, "@date");
            var entry = Parameter(update, "@entry");
            var completion = Parameter(update, "@completion");
            var score = Parameter(update, "@score");
            var id = Parameter(update, "@id");
            for (var cell = 0; cell < seed.Targets.Count; cell++)
            {
                value.Value = seed.LastValues[cell];
                date.Value = Seed.DateOf(seed.LastDays[cell]);
                entry.Value = Key(seed.LastEntryIds[cell]);
                // Completion and score as Target.Rescore stores them with the value in force.
                var target = seed.Targets[cell];
                (completion.Value, score.Value) = ScoringEngine.ScoreCell(seed.Scoring[target.IndicatorId], target.Value, seed.LastValues[cell]);
                id.Value = Key(seed.Targets[cell].Id);
                if (await update.ExecuteNonQueryAsync() != 1)
                {
                    throw new InvalidOperationException("A target to project was not found.");
                }
            }

            // What the app's save keeps with each cell (AssessmentDbContext): the sheet's sum of cell scores in cents.
            await using var sums = connection.CreateCommand();
            sums.Transaction = transaction;
            sums.CommandTimeout = 600;
            sums.CommandText = $"""
                UPDATE {T}"AssessmentSheets" SET "ScoreCents" = COALESCE((SELECT CAST(ROUND(SUM(CAST(t."Score" AS {Real})) * 100) AS BIGINT) FROM {T}"Targets" t
                    WHERE t."SchemeId" = {T}"AssessmentSheets"."SchemeId" AND t."SubBranchId" = {T}"AssessmentSheets"."SubBranchId"), 0)
                WHERE "SchemeId" = @scheme
                """;
            Parameter(sums, "@scheme").Value = Key(seed.SchemeId);
            await sums.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        private static DbParameter Parameter(DbCommand command, string name)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }

        /// <summary>PostgreSQL: fresh planner statistics after a bulk load (what autovacuum's analyze gives a live database).</summary>
        public async Task AnalyzeAsync()
        {
            if (IsSqlite)
            {
                return; // the app never runs ANALYZE on SQLite; measure it as it runs
            }

            await using var connection = NewConnection();
            await connection.OpenAsync();
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE";
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync();
        }

        public async Task<long> CountProgressAsync()
        {
            await using var connection = NewConnection();
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = $"""SELECT COUNT(*) FROM {T}"ProgressEntries" """;
            count.CommandTimeout = 600;
            return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        /// <summary>The baseline: the same two SELECTs as the reader, read into plain structs with ADO.NET.</summary>
        public async Task<(List<RawSheet> Sheets, List<RawCell> Cells)> ReadRawAsync(Guid schemeId)
        {
            await using var connection = NewConnection();
            await connection.OpenAsync();
            var sheets = new List<RawSheet>();
            var cells = new List<RawCell>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"""
                    SELECT "SubBranchId", "SubBranchCode", "SubBranchName", "ScoreAdjustment", "FinalScore", "FinalGrade", "FinalRank"
                    FROM {T}"AssessmentSheets" WHERE "SchemeId" = @scheme
                    """;
                Parameter(command, "@scheme").Value = Key(schemeId);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    sheets.Add(new RawSheet(
                        reader.GetGuid(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetDecimal(3),
                        reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                        reader.IsDBNull(5) ? null : (Grade)reader.GetInt32(5),
                        reader.IsDBNull(6) ? null : reader.GetInt32(6)));
                }
            }

            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"""
                    SELECT "SubBranchId", "IndicatorId", "Value", "ActualValue", "ActualAsOf", "Completion", "Score"
                    FROM {T}"Targets" WHERE "SchemeId" = @scheme
                    """;
                Parameter(command, "@scheme").Value = Key(schemeId);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    cells.Add(new RawCell(
                        reader.GetGuid(0),
                        reader.GetGuid(1),
                        reader.GetDecimal(2),
                        reader.IsDBNull(3) ? null : reader.GetDecimal(3),
                        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                        reader.GetDecimal(5),
                        reader.GetDecimal(6)));
                }
            }

            return (sheets, cells);
        }

        /// <summary>
        /// The sheet's baseline: the rows a head's sheet shows, read with ADO.NET — the scheme, its indicator columns,
        /// the sheet, its own cells, and the first page of its warnings and appeals — plus, when <paramref name="withRank"/>,
        /// the totals of every sheet from one grouped query, to rank it among them.
        /// </summary>
        public async Task<RawSheetView> ReadRawSheetAsync(Guid schemeId, Guid subBranchId, bool withRank, bool storedTotals = false)
        {
            await using var connection = NewConnection();
            await connection.OpenAsync();
            var columns = new List<Guid>();
            var cells = new List<RawCell>();
            RawSheet sheet = default;
            var others = 0;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"""
                    SELECT "Name", "Status", "StartDate", "EndDate", "ExcellentFrom", "GoodFrom", "FairFrom", "BehindMarginPoints" FROM {T}"AssessmentSchemes" WHERE "Id" = @scheme;
                    SELECT "IndicatorId", "Code", "Name", "Unit", "Weight", "Direction", "AllowSubBranchEntry", "RuleKind", "RuleCap", "RuleFloor", "RuleMinimumCompletion", "RuleBands"
                    FROM {T}"SchemeIndicators" WHERE "SchemeId" = @scheme ORDER BY "SortOrder";
                    SELECT "SubBranchId", "SubBranchCode", "SubBranchName", "ScoreAdjustment", "FinalScore", "FinalGrade", "FinalRank"
                    FROM {T}"AssessmentSheets" WHERE "SchemeId" = @scheme AND "SubBranchId" = @sub;
                    SELECT "SubBranchId", "IndicatorId", "Value", "ActualValue", "ActualAsOf", "Completion", "Score"
                    FROM {T}"Targets" WHERE "SchemeId" = @scheme AND "SubBranchId" = @sub;
                    SELECT "Id", "Kind", "Status", "Message" FROM {T}"Warnings" WHERE "SchemeId" = @scheme AND "SubBranchId" = @sub LIMIT 51;
                    SELECT "Id", "Kind", "Status", "Reason" FROM {T}"Appeals" WHERE "SchemeId" = @scheme AND "SubBranchId" = @sub LIMIT 51;
                    """;
                Parameter(command, "@scheme").Value = Key(schemeId);
                Parameter(command, "@sub").Value = Key(subBranchId);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    _ = reader.GetString(0);
                }

                await reader.NextResultAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetGuid(0));
                    _ = (reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDecimal(4), reader.GetInt32(5), reader.GetBoolean(6));
                }

                await reader.NextResultAsync();
                while (await reader.ReadAsync())
                {
                    sheet = new RawSheet(
                        reader.GetGuid(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetDecimal(3),
                        reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                        reader.IsDBNull(5) ? null : (Grade)reader.GetInt32(5),
                        reader.IsDBNull(6) ? null : reader.GetInt32(6));
                }

                await reader.NextResultAsync();
                while (await reader.ReadAsync())
                {
                    cells.Add(new RawCell(
                        reader.GetGuid(0),
                        reader.GetGuid(1),
                        reader.GetDecimal(2),
                        reader.IsDBNull(3) ? null : reader.GetDecimal(3),
                        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                        reader.GetDecimal(5),
                        reader.GetDecimal(6)));
                }

                await reader.NextResultAsync();
                while (await reader.ReadAsync())
                {
                    others++;
                }

                await reader.NextResultAsync();
                while (await reader.ReadAsync())
                {
                    others++;
                }
            }

            var totals = new List<(Guid SubBranchId, double Total)>();
            if (withRank)
            {
                await using var command = connection.CreateCommand();
                // Stored: what the app ranks from (each sheet's kept sum of cell scores). Summed: the cells themselves, which the
                // run's check compares the app's rank with.
                command.CommandText = storedTotals
                    ? $"""
                        SELECT s."SubBranchId", CAST(s."ScoreAdjustment" AS {Real}) + s."ScoreCents" / 100.0
                        FROM {T}"AssessmentSheets" s WHERE s."SchemeId" = @scheme
                        """
                    : $"""
                        SELECT s."SubBranchId", CAST(s."ScoreAdjustment" AS {Real}) + COALESCE((SELECT SUM(CAST(t."Score" AS {Real})) FROM {T}"Targets" t
                            WHERE t."SchemeId" = s."SchemeId" AND t."SubBranchId" = s."SubBranchId"), 0)
                        FROM {T}"AssessmentSheets" s WHERE s."SchemeId" = @scheme
                        """;
                Parameter(command, "@scheme").Value = Key(schemeId);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    totals.Add((reader.GetGuid(0), reader.GetDouble(1)));
                }
            }

            return new RawSheetView(columns, sheet, cells, others, totals);
        }

        private string Real => IsSqlite ? "REAL" : "double precision";

        public async ValueTask DisposeAsync()
        {
            if (sqlitePath is not null)
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm", sqlitePath + "-journal" })
                {
                    File.Delete(file);
                }
            }

            if (postgresAdmin is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(postgresAdmin);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
