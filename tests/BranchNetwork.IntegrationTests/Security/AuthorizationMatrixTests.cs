using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// Issue 9's authorisation matrix: every operation of the app's OpenAPI document × every caller of
/// <see cref="AuthorizationMatrix.Callers"/> gets the outcome the table states (from SPEC.md and the module docs),
/// on real objects of 支行01; an allowed read by a caller outside 支行01 carries none of 支行01's private rows.
/// </summary>
[Trait("Spec", "ORG-2")]
[Trait("Spec", "ORG-3")]
public sealed class AuthorizationMatrixTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Every_operation_of_the_OpenAPI_document_has_a_row_and_a_request_and_every_row_an_operation()
    {
        app.EnsureAvailable();
        var operations = await OperationsAsync();
        var rows = AuthorizationMatrix.Rows.Select(r => r.Key).ToList();

        var problems = new List<string>();
        problems.AddRange(operations.Keys.Except(rows).Select(k => $"operation without a row in AuthorizationMatrix: {k} ({operations[k] ?? "no operationId"})"));
        problems.AddRange(rows.Except(operations.Keys).Select(k => $"row without an operation in /openapi/v1.json: {k}"));
        problems.AddRange(rows.Except(MatrixRequests.Builders.Keys).Select(k => $"row without a request in MatrixRequests: {k}"));
        problems.AddRange(MatrixRequests.Builders.Keys.Except(rows).Select(k => $"request without a row: {k}"));
        problems.AddRange(rows.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => $"row twice: {g.Key}"));
        problems.AddRange(AuthorizationMatrix.Rows.Where(r => r.Outcomes.Length != AuthorizationMatrix.Callers.Length).Select(r => $"row {r.Key} has {r.Outcomes.Length} outcomes for {AuthorizationMatrix.Callers.Length} callers"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_caller_gets_what_the_matrix_states_for_every_operation()
    {
        app.EnsureAvailable();
        var output = TestContext.Current.TestOutputHelper;
        var operations = await OperationsAsync();
        var clock = Stopwatch.StartNew();
        var world = await MatrixWorld.BuildAsync(app);
        var seeded = clock.Elapsed;

        var cells = (
            from row in AuthorizationMatrix.Rows
            where operations.ContainsKey(row.Key) && MatrixRequests.Builders.ContainsKey(row.Key)
            from column in Enumerable.Range(0, AuthorizationMatrix.Callers.Length)
            select (Row: row, Caller: AuthorizationMatrix.Callers[column], Expected: row.Outcomes[column])).ToList();
        var failures = new ConcurrentBag<string>();

        // Reads change nothing: all at once, before any write. Writes in lanes: cells of operations that move the same
        // object (a target cell's projection, the draft's grid) one after another, lanes side by side.
        var (reads, writes) = (cells.Where(c => c.Row.Key.StartsWith("GET ", StringComparison.Ordinal)).ToList(), cells.Where(c => !c.Row.Key.StartsWith("GET ", StringComparison.Ordinal)).ToList());
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = TestContext.Current.CancellationToken };
        await Parallel.ForEachAsync(reads, parallel, async (cell, _) =>
            await RunCellAsync(world, operations, cell.Row, cell.Caller, cell.Expected, failures));
        var lanes = writes.GroupBy(c => MatrixRequests.LaneOf(c.Row.Key)).OrderByDescending(l => l.Count()).ToList();
        await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = parallel.CancellationToken }, async (lane, _) =>
        {
            foreach (var cell in lane)
            {
                await RunCellAsync(world, operations, cell.Row, cell.Caller, cell.Expected, failures);
            }
        });

        output?.WriteLine($"Authorisation matrix: {cells.Count} cells ({AuthorizationMatrix.Rows.Length} operations × {AuthorizationMatrix.Callers.Length} callers; {reads.Count} reads in parallel, {writes.Count} writes in {lanes.Count} lanes) in {clock.Elapsed.TotalSeconds:F1} s (objects through the API {seeded.TotalSeconds:F1} s); {failures.Count} failed.");
        var sorted = failures.Order(StringComparer.Ordinal).ToList();
        foreach (var failure in sorted)
        {
            output?.WriteLine(failure);
        }

        Assert.True(sorted.Count == 0, $"{sorted.Count} of {cells.Count} cells differ from the matrix:{Environment.NewLine}{string.Join(Environment.NewLine, sorted)}");
    }

    private static async Task RunCellAsync(MatrixWorld world, IReadOnlyDictionary<string, string?> operations, MatrixRow row, string? caller, Expect expected, ConcurrentBag<string> failures)
    {
        var who = caller ?? "anonymous";
        var operation = operations[row.Key] is { } id ? $"{row.Key} ({id})" : row.Key;
        try
        {
            world.EnterCell(row.Key, refused: expected != Expect.Ok);
            using var request = await MatrixRequests.Builders[row.Key](world);
            var url = request.RequestUri!.ToString();
            using var response = await world.For(caller).SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var actual = status switch
            {
                >= 200 and < 300 => Expect.Ok,
                401 => Expect.E401,
                403 => Expect.E403,
                404 => Expect.E404,
                _ => (Expect?)null,
            };
            if (actual != expected)
            {
                if (actual == Expect.Ok)
                {
                    world.Spoil(row.Key);
                }

                var hint = expected == Expect.Ok && status == 400 ? " (the fixture's body is wrong, or the app refuses a valid one)" : "";
                failures.Add($"{operation} as {who}: expected {Show(expected)}, got {status}{hint} — {url} {Cut(body)}");
                return;
            }

            if (actual == Expect.Ok && request.Method == HttpMethod.Get && AuthorizationMatrix.Outsiders.Contains(caller))
            {
                var leaked = world.PrivateIds.Select(i => i.ToString()).Where(i => body.Contains(i, StringComparison.OrdinalIgnoreCase)).ToList();
                if (row.Scoped && body.Contains(world.Sb01.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    leaked.Add($"支行01 ({world.Sb01})");
                }

                if (leaked.Count > 0)
                {
                    failures.Add($"{operation} as {who}: answered with 支行01's private rows: {string.Join(", ", leaked)} — {url}");
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failures.Add($"{operation} as {who}: {e.GetType().Name}: {Cut(e.Message)}");
        }
    }

    private static string Show(Expect expect) => expect == Expect.Ok ? "2xx" : expect.ToString()[1..];

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>Every operation of the app's OpenAPI document: "METHOD /path" → its operationId (if any).</summary>
    private async Task<IReadOnlyDictionary<string, string?>> OperationsAsync()
    {
        using var client = app.CreateAnonymousClient();
        var response = await client.GetAsync("/openapi/v1.json");
        if (!response.IsSuccessStatusCode)
        {
            response = await (await app.ClientForAsync("admin")).GetAsync("/openapi/v1.json");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operations = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "put" or "post" or "delete" or "patch" or "head" or "options"))
            {
                operations[$"{method.Name.ToUpperInvariant()} {path.Name}"] =
                    method.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null;
            }
        }

        return operations;
    }
}
