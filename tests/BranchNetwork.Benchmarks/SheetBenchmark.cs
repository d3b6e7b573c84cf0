using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using static BranchNetwork.Benchmarks.AssessmentBenchmark;

namespace BranchNetwork.Benchmarks;

/// <summary>
/// Issue 16, goal 2: a sub-branch head opens their own 考核表 on a scheme of N sub-branches × 30 indicators. The sheet
/// shows one row (its 30 cells) and its rank among all sheets; it should cost what those rows cost, not what the whole
/// scheme costs. Measured against raw ADO.NET reading the same rows (with and without every sheet's stored total a rank
/// needs) and against <c>GET /api/me</c> — the floor any authenticated call pays — in the same run, after checking
/// that the API shows the same cells, total, grade and rank as the raw rows and as the all-sub-branches results.
/// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- sheet [sqlite|postgres] [--subbranches 500] [--days 30] [--iterations 200]
/// </summary>
internal static class SheetBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.Length > 0 && args[0].ToUpperInvariant() is "POSTGRES" or "POSTGRESQL" or "PG";
        UseSubBranches(Option(args, "--subbranches", 500));
        var days = Option(args, "--days", 30);
        var iterations = Option(args, "--iterations", 200);
        await using var database = postgres ? await BenchDatabase.CreatePostgresAsync() : BenchDatabase.CreateSqlite();
        Console.WriteLine($"Sheet benchmark on {database.Provider}: {SubBranches} sub-branches × 30 indicators, {days} days of progress, {iterations} calls per case after warm-up");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores (shared), .NET {Environment.Version}, load average {LoadAverage()}");

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRANCHNETWORK_HOST", RosterBenchmark.HostContentRoot());
        var watch = Stopwatch.StartNew();
        await using var app = new BenchmarkApp(database.ConnectionString, new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider,
            ["Jobs:Enabled"] = "false",
        });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await RosterBenchmark.PasswordTokenAsync(client, "head01"));
        var units = JsonDocument.Parse(await client.GetStringAsync("/api/identity/units")).RootElement;
        var own = units[0].GetProperty("children").EnumerateArray().First(c => c.GetProperty("code").GetString() == "SB01").GetProperty("id").GetGuid();
        var seed = await SeedSchemeAsync(app.Services, own);
        var rows = await database.InsertProgressAsync(seed, days);
        await database.ProjectAsync(seed);
        await database.AnalyzeAsync();
        Console.WriteLine($"Host started, scheme issued to {SubBranches} sub-branches, {rows:N0} progress entries projected: {watch.Elapsed.TotalSeconds:F1} s");

        var url = $"/api/assessment/schemes/{seed.SchemeId}/sheets/{own}";
        var stored = (await database.ReadRawSheetAsync(seed.SchemeId, own, withRank: true, storedTotals: true)).Totals.ToDictionary(t => t.SubBranchId, t => Math.Round(t.Total, 2));
        var summed = (await database.ReadRawSheetAsync(seed.SchemeId, own, withRank: true)).Totals.ToDictionary(t => t.SubBranchId, t => Math.Round(t.Total, 2));
        if (stored.Count != summed.Count || stored.Any(t => summed[t.Key] != t.Value))
        {
            throw new InvalidOperationException("The sheets' stored totals differ from the sums of their cells.");
        }

        Check(
            JsonDocument.Parse(await client.GetStringAsync(url)).RootElement,
            JsonDocument.Parse(await client.GetStringAsync($"/api/assessment/schemes/{seed.SchemeId}/results")).RootElement,
            await database.ReadRawSheetAsync(seed.SchemeId, own, withRank: true),
            own);

        var cases = new List<Measured>
        {
            new("raw ADO.NET: the sheet's rows (scheme, 30 columns, sheet, 30 cells, warnings, appeals)", iterations, async () =>
                (await database.ReadRawSheetAsync(seed.SchemeId, own, withRank: false)).Cells.Count),
            new("raw ADO.NET: the same + every sheet's stored total for the rank", iterations, async () =>
                (await database.ReadRawSheetAsync(seed.SchemeId, own, withRank: true, storedTotals: true)).Totals.Count),
            new("HTTP GET /api/me (bearer, the authenticated floor)", iterations, async () => (await client.GetStringAsync("/api/me")).Length),
            new("HTTP GET …/sheets/{own} (bearer, JSON, as head01)", iterations, async () => (await client.GetStringAsync(url)).Length),
        };
        foreach (var c in cases)
        {
            for (var i = 0; i < 20; i++)
            {
                await c.Call();
            }
        }

        // Rounds that call every case in turn, so a noisy neighbour on the shared cores hits all alike.
        for (var round = 0; round < iterations; round++)
        {
            foreach (var c in cases)
            {
                await c.TimeAsync();
            }
        }

        Console.WriteLine($"Load average after: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine($"| case ({database.Provider}, {SubBranches} sub-branches × 30 indicators) | median ms | p95 ms | calls/s (1 / median) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var c in cases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Median:F3} | {c.P95:F3} | {1000 / c.Median:F0} |"));
        }

        var sheet = cases[3].Median;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| throughput sheet API / raw rows (goal ≥ 0.8) | {cases[0].Median / sheet:F2} | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| throughput sheet API / raw rows + rank | {cases[1].Median / sheet:F2} | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| sheet API minus the /api/me floor, ms | {sheet - cases[2].Median:F3} | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| throughput (sheet API − floor) / raw rows + rank | {cases[1].Median / Math.Max(0.001, sheet - cases[2].Median):F2} | | |"));
        return 0;
    }

    /// <summary>The sheet shows the raw rows, and the same cells, total, grade and rank as the all-sub-branches results.</summary>
    private static void Check(JsonElement sheet, JsonElement results, RawSheetView raw, Guid own)
    {
        var row = sheet.GetProperty("row");
        var apiCells = row.GetProperty("cells").EnumerateArray().Select(c => (
            c.GetProperty("indicatorId").GetGuid(),
            c.GetProperty("target").GetDecimal(),
            c.GetProperty("actual").ValueKind == JsonValueKind.Null ? (decimal?)null : c.GetProperty("actual").GetDecimal(),
            c.GetProperty("completion").GetDecimal(),
            c.GetProperty("score").GetDecimal())).ToList();
        var byIndicator = raw.Cells.ToDictionary(c => c.IndicatorId);
        var rawCells = raw.Columns.Select(id => (id, byIndicator[id].Target, byIndicator[id].Actual, byIndicator[id].Completion, byIndicator[id].Score)).ToList();
        if (!apiCells.SequenceEqual(rawCells))
        {
            throw new InvalidOperationException($"The sheet's cells differ from the raw rows ({apiCells.Count} vs {rawCells.Count} cells).");
        }

        // The rank from the raw totals: standard competition ranking, exact in decimals (totals are whole cents).
        var totals = raw.Totals.ToDictionary(t => t.SubBranchId, t => Math.Round((decimal)t.Total, 2));
        var rank = 1 + totals.Values.Count(t => t > totals[own]);
        var total = row.GetProperty("total").GetDecimal();
        if (sheet.GetProperty("subBranchCount").GetInt32() != raw.Totals.Count || row.GetProperty("rank").GetInt32() != rank || total != totals[own])
        {
            throw new InvalidOperationException(
                $"The sheet shows rank {row.GetProperty("rank").GetInt32()} of {sheet.GetProperty("subBranchCount").GetInt32()} with {total}; the raw rows give rank {rank} of {raw.Totals.Count} with {totals[own]}.");
        }

        var inResults = results.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("subBranchId").GetGuid() == own);
        foreach (var field in new[] { "total", "grade", "rank", "completion", "behind", "adjustment" })
        {
            if (inResults.GetProperty(field).GetRawText() != row.GetProperty(field).GetRawText())
            {
                throw new InvalidOperationException($"The sheet and the scheme's results disagree on the sheet's {field}: {row.GetProperty(field).GetRawText()} vs {inResults.GetProperty(field).GetRawText()}.");
            }
        }

        if (inResults.GetProperty("cells").GetRawText() != row.GetProperty("cells").GetRawText())
        {
            throw new InvalidOperationException("The sheet and the scheme's results disagree on the sheet's cells.");
        }

        Console.WriteLine($"Checked: the sheet shows the raw rows ({apiCells.Count} cells) and rank {rank} of {raw.Totals.Count}, as the scheme's results do.");
    }
}
