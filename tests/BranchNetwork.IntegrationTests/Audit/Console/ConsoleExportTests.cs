using System.Net;
using System.Text.Json;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Testing;
using MiniExcelLibs;
using static BranchNetwork.IntegrationTests.Audit.Console.ConsoleSeed;

namespace BranchNetwork.IntegrationTests.Audit.Console;

[Trait("Spec", "AU-4")]
public sealed class ConsoleExportTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private DateTime Now => app.Clock.UtcNow;

    private string Window => $"from={Utc(Now.AddDays(-2))}&to={Utc(Now.AddHours(1))}";

    [Fact]
    public async Task The_trail_csv_carries_the_chain_verification_in_its_header_the_filtered_rows_and_no_formula()
    {
        app.EnsureAvailable();
        var m = Tag();
        await TrailAsync(
            app,
            Record(Now.AddHours(-3), m, "Target", "=HYPERLINK(\"http://x\")", "Create", changes: """[{"field":"Note","before":null,"after":"+cmd|' /C calc'!A0"}]"""),
            Record(Now.AddHours(-2), m, "Target", "t2", "Update", actorName: "@sum"),
            Record(Now.AddHours(-1), Tag(), "Target", "t3", "Update"));
        var auditor = await app.ClientForAsync("auditor");

        var response = await auditor.GetAsync($"/api/audit/trail/export?format=csv&module={m}&{Window}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = CsvText.Decode(await response.Content.ReadAsByteArrayAsync());
        var lines = text.Split("\r\n");
        var header = lines.TakeWhile(l => l.StartsWith('#')).ToDictionary(l => l[2..l.IndexOf(": ", StringComparison.Ordinal)], l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
        Assert.Equal("audit trail", header["Export"]);
        Assert.Equal("auditor", header["Exported by"]);
        Assert.Equal("2", header["Rows"]);
        Assert.Equal("100000", header["Row cap"]);
        Assert.Equal("no", header["Truncated at cap"]);
        Assert.Equal("trail", header["Chain"]);
        Assert.Equal("yes", header["Chain intact"]);
        Assert.Equal("none", header["First break"]);
        Assert.True(header.ContainsKey("Last checkpoint"));
        Assert.Contains(m, header["Filter"], StringComparison.Ordinal);

        var table = CsvText.Parse(string.Join("\r\n", lines.SkipWhile(l => l.StartsWith('#'))));
        Assert.Equal("Seq", table[0][0]);
        var rows = table.Skip(1).Where(r => r.Length > 1).ToList();
        Assert.Equal(2, rows.Count);
        var column = (string name) => Array.IndexOf(table[0], name);
        Assert.Equal(["t2", "'=HYPERLINK(\"http://x\")"], rows.Select(r => r[column("EntityId")]));
        Assert.Equal("'@sum", rows[0][column("ActorName")]);
        Assert.StartsWith("[", rows[1][column("Changes")], StringComparison.Ordinal);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', cell));
    }

    [Fact]
    public async Task The_trail_xlsx_has_a_verification_sheet_and_the_rows()
    {
        app.EnsureAvailable();
        var m = Tag();
        await TrailAsync(app, Record(Now.AddHours(-3), m, "Target", "x1", "Create"), Record(Now.AddHours(-2), m, "Target", "-1+2", "Delete"));
        var auditor = await app.ClientForAsync("auditor");

        var response = await auditor.GetAsync($"/api/audit/trail/export?format=xlsx&module={m}&{Window}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Verification", "Records"], MiniExcel.GetSheetNames(stream));
        var header = stream.Query(useHeaderRow: true, sheetName: "Verification").Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["Key"], r => r["Value"]?.ToString());
        Assert.Equal("yes", header["Chain intact"]);
        Assert.Equal("2", header["Rows"]);
        Assert.True(header.ContainsKey("Last checkpoint"));
        var rows = stream.Query(useHeaderRow: true, sheetName: "Records").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["'-1+2", "x1"], rows.Select(r => r["EntityId"]?.ToString()));
        Assert.Equal(["Delete", "Create"], rows.Select(r => r["Operation"]?.ToString()));
    }

    [Fact]
    public async Task The_access_log_export_and_search_filter_by_user_unit_route_and_outcome()
    {
        app.EnsureAvailable();
        var name = "al." + Tag();
        var (userId, unit) = (Guid.NewGuid(), Guid.NewGuid());
        await AccessLogAsync(
            app,
            Access(Now.AddHours(-5), name, userId, unit, "GET", "/api/a", "/api/a", 200),
            Access(Now.AddHours(-4), name, userId, unit, "POST", "/api/b/{id}", "/api/b/1", 403),
            Access(Now.AddHours(-3), name, userId, null, "POST", "/api/b/{id}", "/api/b/2", 500),
            Access(Now.AddHours(-2), name, userId, null, "POST", "/connect/token", "/connect/token", 0, AccessLogKind.SignInFailed),
            Access(Now.AddHours(-30), name, userId, unit, "GET", "/api/a", "/api/a", 200));
        var auditor = await app.ClientForAsync("auditor");

        async Task<List<string?>> Paths(string filter, string? window = null) =>
            [.. (await AllPagesAsync(auditor, $"/api/audit/access-log?{window ?? Window}&{filter}", 2)).Select(e => e.Str("path"))];

        Assert.Equal(["/connect/token", "/api/b/2", "/api/b/1", "/api/a", "/api/a"], await Paths($"user={name}"));
        Assert.Equal(["/api/b/1", "/api/a", "/api/a"], await Paths($"userId={userId}&unit={unit}"));
        Assert.Equal(["/api/b/2", "/api/b/1"], await Paths($"user={name}&route=" + Uri.EscapeDataString("/api/b/{id}")));
        Assert.Equal(["/connect/token", "/api/b/1"], await Paths($"user={name}&outcome=denied"));
        Assert.Equal(["/api/b/2"], await Paths($"user={name}&outcome=error"));
        Assert.Equal(["/api/a", "/api/a"], await Paths($"user={name}&outcome=success"));
        Assert.Equal(["/connect/token", "/api/b/2", "/api/b/1", "/api/a"], await Paths($"user={name}", $"from={Utc(Now.AddHours(-6))}&to={Utc(Now)}"));

        // Without a window the list is the last day, as before AU-4 it was everything: the old contract still answers.
        Assert.Equal(["/connect/token", "/api/b/2", "/api/b/1", "/api/a"], [.. (await AllPagesAsync(auditor, $"/api/audit/access-log?user={name}", 3)).Select(e => e.Str("path"))]);

        var response = await auditor.GetAsync($"/api/audit/access-log/export?format=csv&user={name}&outcome=denied&{Window}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = CsvText.Decode(await response.Content.ReadAsByteArrayAsync()).Split("\r\n");
        Assert.Contains("# Export: access log", lines);
        Assert.Contains("# Chain: access", lines);
        Assert.Contains("# Chain intact: yes", lines);
        Assert.Contains("# Rows: 2", lines);
        var table = CsvText.Parse(string.Join("\r\n", lines.SkipWhile(l => l.StartsWith('#'))));
        Assert.Equal(["/connect/token", "/api/b/1"], table.Skip(1).Where(r => r.Length > 1).Select(r => r[Array.IndexOf(table[0], "Path")]));
    }

    [Fact]
    public async Task Every_search_view_and_export_of_the_auditor_is_recorded_in_the_trail()
    {
        app.EnsureAvailable();
        var m = Tag();
        await TrailAsync(app, Record(Now.AddHours(-1), m, "Target", "r1", "Update"));
        var auditor = await app.ClientForAsync("auditor");

        _ = await ItemsAsync(auditor, $"/api/audit/trail?module={m}&{Window}");
        _ = await ItemsAsync(auditor, $"/api/audit/trail/entity?module={m}&entityType=Target&entityId=r1");
        _ = await ItemsAsync(auditor, $"/api/audit/timeline?user=seed.{m}&{Window}");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/audit/trail/export?format=xlsx&module={m}&{Window}")).StatusCode);
        _ = await ItemsAsync(auditor, $"/api/audit/access-log?path=/{m}");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/audit/access-log/export?path=/{m}")).StatusCode);

        var own = await AllPagesAsync(auditor, $"/api/audit/trail?module=Audit&user=auditor&{Window}", 200);
        JsonElement Find(string operation, string entityType) =>
            own.First(r => r.Str("operation") == operation && r.Str("entityType") == entityType && (r.Str("detail") ?? "").Contains(m, StringComparison.Ordinal));

        var search = Find("Search", "AuditTrail");
        Assert.Contains("\"rows\":1", search.Str("detail"), StringComparison.Ordinal);
        Assert.Contains($"\"module\":\"{m}\"", search.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("User", search.Str("actorKind"));
        Assert.Equal(["Auditor"], search.GetProperty("actorRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.NotNull(search.Str("actorUnitId"));
        var view = Find("View", "Target");
        Assert.Equal("r1", view.Str("entityId"));
        Assert.Contains("\"rows\":1", view.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("seed." + m, Find("View", "UserTimeline").Str("entityId"));
        Assert.Contains("\"format\":\"xlsx\"", Find("Export", "AuditTrail").Str("detail"), StringComparison.Ordinal);
        Assert.Contains("\"rows\":0", Find("Search", "AccessLog").Str("detail"), StringComparison.Ordinal);
        _ = Find("Export", "AccessLog");
    }
}
