using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>
/// Every write operation of the OpenAPI document, sent bad input generated from its request schema by a caller who
/// may do it: no 5xx, a problem (naming the field when a body field was at fault) and no change to any module's
/// business data. The state is fingerprinted after every variant, so a change is pinned on the variant that made it.
/// </summary>
[Trait("Spec", "ORG-3")]
[Trait("Spec", "ORG-4")]
public sealed class BadInputSuiteTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static readonly string[] WriteMethods = ["post", "put", "patch", "delete"];

    [Fact]
    public async Task Every_write_operation_refuses_bad_input_with_a_problem_and_changes_nothing()
    {
        app.EnsureAvailable();
        var clock = Stopwatch.StartNew();
        var document = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var world = await WriteOperations.BuildAsync(app);
        var state = new BusinessState(app.Services);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        var report = new StringBuilder();
        var failures = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        report.AppendLine(CultureInfo.InvariantCulture, $"set-up: {clock.Elapsed.TotalSeconds:F1} s");

        foreach (var pathItem in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in pathItem.Value.EnumerateObject().Where(o => WriteMethods.Contains(o.Name)))
            {
                var key = $"{operation.Name.ToUpperInvariant()} {pathItem.Name}";
                if (!WriteOperations.Rows.TryGetValue(key, out var row))
                {
                    failures.Add($"{key}: no row in BadInput/WriteOperations.cs (who may call it, its ids, a valid body)");
                    continue;
                }

                var op = row(world);
                var notes = new List<string>();
                var variants = Variants(pathItem.Name, operation.Value, op, document, notes);
                counts[key] = variants.Count;
                report.AppendLine(CultureInfo.InvariantCulture, $"{key} as {op.User}: {variants.Count} variants; {string.Join("; ", notes)}");

                if (!clients.TryGetValue(op.User, out var client))
                {
                    clients[op.User] = client = await app.ClientForAsync(op.User);
                }

                var started = clock.Elapsed;
                var before = await state.SettledAsync();
                foreach (var variant in variants)
                {
                    var (problem, after) = await SendAsync(client, operation.Name, variant, before, state);
                    if (problem is not null)
                    {
                        failures.Add($"{key} [{variant.Label}] {problem}");
                    }

                    before = after;
                }

                report.AppendLine(CultureInfo.InvariantCulture, $"  {(clock.Elapsed - started).TotalSeconds:F1} s");
            }
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"operations: {counts.Count}, variants: total {counts.Values.Sum()}, min {(counts.Count == 0 ? 0 : counts.Values.Min())}, time {clock.Elapsed.TotalSeconds:F1} s on {app.Database.Provider}");
        report.AppendLine(CultureInfo.InvariantCulture, $"failures: {failures.Count}");
        report.AppendJoin(Environment.NewLine, failures);
        var text = report.ToString();
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"branchnet-bad-input-{app.Database.Provider}.txt"), text, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(text);

        Assert.NotEmpty(counts);
        Assert.True(counts.Values.Min() >= 15, text);
        Assert.True(failures.Count == 0, text);
    }

    private static List<Variant> Variants(string template, JsonElement operation, WriteOperation op, JsonElement document, List<string> notes)
    {
        var path = Fill(template, op.Path);
        var variants = new List<Variant>();
        switch (op.Input)
        {
            case InputKind.Json:
                JsonElement? schema = operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var s) ? s : null;
                variants.AddRange(BadInputVariants.ForJsonBody(path, op.Body!, schema, document, notes, op.LongText));
                break;
            case InputKind.Upload:
                notes.Add(operation.TryGetProperty("requestBody", out _) ? "upload (documented body)" : "upload (no request body in the document)");
                variants.AddRange(BadInputVariants.ForUpload(path, op.UploadName, evidence: op.UploadName.EndsWith(".pdf", StringComparison.Ordinal)));
                break;
            case InputKind.None:
                notes.Add(op.Path.Count == 0 ? "no input: junk bodies and queries must not break it" : "no body: junk bodies go to an id of nothing");
                var nowhere = op.Path.Count == 0
                    ? path
                    : Fill(template, op.Path.ToDictionary(p => p.Key, p => p.Key == "id" || p.Key.EndsWith("Id", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : p.Value, StringComparer.Ordinal));
                var outcome = op.Path.Count == 0 ? Outcome.MayBeAccepted : Outcome.Refused;
                variants.AddRange(BadInputVariants.JunkBodies(nowhere, outcome));
                if (op.Path.Count == 0)
                {
                    variants.Add(new("query: NUL", path + "?id=%00", () => null, outcome));
                    variants.Add(new("query: bidi", path + "?after=%E2%80%AE", () => null, outcome));
                    variants.Add(new("query: 4,000 characters", path + "?x=" + new string('x', 4000), () => null, outcome));
                    variants.Add(new("query: id that is not a GUID", path + "?notificationId=not-a-guid", () => null, outcome));
                    variants.Add(new("query: negative page size", path + "?pageSize=-1&page=-5", () => null, outcome));
                }

                break;
        }

        // Path faults, on the valid input: the path is the only thing wrong.
        Func<HttpContent?> valid = op.Input == InputKind.Json ? () => BadInputVariants.JsonContent(BadInputVariants.Json(op.Body)) : () => null;
        foreach (var (name, value) in op.Path)
        {
            if (name == "role")
            {
                variants.Add(new("role: unknown", Fill(template, op.Path, name, "Overlord"), valid, Outcome.Refused));
                variants.Add(new("role: line feed", Fill(template, op.Path, name, "Staff%0A"), valid, Outcome.Refused));
                variants.Add(new("role: bidi", Fill(template, op.Path, name, "%E2%80%AEStaff"), valid, Outcome.Refused));
                variants.Add(new("role: 4,000 characters", Fill(template, op.Path, name, new string('r', 4000)), valid, Outcome.Refused));
                continue;
            }

            variants.Add(new($"{name}: id of nothing", Fill(template, op.Path, name, Guid.NewGuid().ToString()), valid, Outcome.Refused));
            variants.Add(new($"{name}: empty GUID", Fill(template, op.Path, name, Guid.Empty.ToString()), valid, Outcome.Refused));
            variants.Add(new($"{name}: not a GUID", Fill(template, op.Path, name, "not-a-guid"), valid, Outcome.Refused));
            variants.Add(new($"{name}: bidi and dot segments", Fill(template, op.Path, name, "%E2%80%AE..%2F..%2Fx"), valid, Outcome.Refused));
        }

        return variants;
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> ids, string? replace = null, string? with = null)
    {
        var path = template;
        foreach (var (name, value) in ids)
        {
            path = path.Replace("{" + name + "}", name == replace ? with : value, StringComparison.Ordinal);
        }

        return path;
    }

    private static async Task<(string? Problem, IReadOnlyDictionary<string, string> After)> SendAsync(
        HttpClient client, string method, Variant variant, IReadOnlyDictionary<string, string> before, BusinessState state)
    {
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), variant.Path) { Content = variant.Body() };
            response = await client.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or FormatException)
        {
            // The test server refusing to take a body at all is a refusal, not an answer; note it all the same.
            return ($"-> no answer: {e.GetType().Name}: {e.Message}", await state.TakeAsync());
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            // After an accepted request, its outbox deliveries land before the next variant, so they count against it.
            var after = status < 400 ? await state.SettledAsync() : await state.TakeAsync();
            var changed = BusinessState.Differences(before, after);
            var excerpt = text.Length > 240 ? text[..240] + "…" : text;
            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";

            if (status >= 500)
            {
                return ($"-> {status} server error: {excerpt}", after);
            }

            if (variant.Outcome == Outcome.MayBeAccepted && status < 400)
            {
                return (null, after);
            }

            var problems = new List<string>();
            if (status is 401 or 403)
            {
                problems.Add($"refused the caller ({status}) though the caller may do this");
            }
            else if (status < 400)
            {
                problems.Add("accepted");
            }

            switch (variant.Outcome)
            {
                case Outcome.TooLarge when status != 413:
                    problems.Add("expected 413");
                    break;
                case Outcome.UnknownFieldRefused when status != 400:
                    problems.Add("expected 400 naming the unknown field");
                    break;
            }

            if (status >= 400 && !isProblem)
            {
                problems.Add($"not a problem (content type '{response.Content.Headers.ContentType?.MediaType}')");
            }

            if (status == 400 && variant.Field is { } field && !NamesField(text, field))
            {
                problems.Add($"no 'errors' entry naming '{field}'");
            }

            if (changed.Count > 0)
            {
                problems.Add($"state changed in {string.Join(", ", changed)}");
            }

            return (problems.Count == 0 ? null : $"-> {status}: {string.Join("; ", problems)} | {excerpt}", after);
        }
    }

    /// <summary>Whether an <c>errors</c> key names the field or one of the fields it sits in (a rule on a whole list names the list).</summary>
    private static bool NamesField(string text, string field)
    {
        try
        {
            using var body = JsonDocument.Parse(text);
            return body.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                && errors.EnumerateObject().Any(e => field.Split('.').Where(f => !f.All(char.IsDigit)).Any(f => e.Name.Contains(f, StringComparison.OrdinalIgnoreCase)));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
