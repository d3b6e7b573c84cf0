using System.Net;
using System.Text.Json;
using BranchNetwork.Testing;
using static BranchNetwork.IntegrationTests.Audit.Console.ConsoleSeed;

namespace BranchNetwork.IntegrationTests.Audit.Console;

[Trait("Spec", "AU-4")]
public sealed class TrailSearchTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private DateTime Now => app.Clock.UtcNow;

    private string Window => $"from={Utc(Now.AddDays(-2))}&to={Utc(Now.AddHours(1))}";

    [Fact]
    public async Task Each_filter_narrows_the_trail_to_the_records_it_names()
    {
        app.EnsureAvailable();
        var (m, other) = (Tag(), Tag());
        var (userA, userB, unitA, unitB) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await TrailAsync(
            app,
            Record(Now.AddHours(-5), m, "Target", "t1", "Create", "alice." + m, userA, unitA),
            Record(Now.AddHours(-4), m, "Target", "t2", "Update", "alice." + m, userA, unitA),
            Record(Now.AddHours(-3), m, "Plan", "p1", "Transition", "bob." + m, userB, unitB),
            Record(Now.AddHours(-30), m, "Plan", "p1", "Delete", "bob." + m, userB, unitB),
            Record(Now.AddHours(-2), other, "Target", "t1", "Update", "alice." + m, userA, unitA));
        var auditor = await app.ClientForAsync("auditor");

        async Task<List<string?>> Ids(string filter, string? window = null) =>
            [.. (await ItemsAsync(auditor, $"/api/audit/trail?{window ?? Window}&pageSize=200&{filter}")).Select(r => r.Str("entityType") + ":" + r.Str("entityId") + ":" + r.Str("operation"))];

        Assert.Equal(["Plan:p1:Transition", "Target:t2:Update", "Target:t1:Create", "Plan:p1:Delete"], await Ids($"module={m}"));
        Assert.Equal(["Target:t1:Update", "Target:t2:Update", "Target:t1:Create"], await Ids($"user=alice.{m}"));
        Assert.Equal(["Plan:p1:Transition", "Plan:p1:Delete"], await Ids($"module={m}&user={userB}"));
        Assert.Equal(["Target:t2:Update", "Target:t1:Create"], await Ids($"module={m}&unit={unitA}"));
        Assert.Equal(["Plan:p1:Transition", "Plan:p1:Delete"], await Ids($"module={m}&entityType=Plan"));
        Assert.Equal(["Target:t1:Create"], await Ids($"module={m}&entityType=Target&entityId=t1"));
        Assert.Equal(["Plan:p1:Delete"], await Ids($"module={m}&operation=delete"));
        Assert.Equal(["Plan:p1:Transition", "Target:t2:Update", "Target:t1:Create"], await Ids($"module={m}", $"from={Utc(Now.AddHours(-6))}&to={Utc(Now)}"));
        var record = (await ItemsAsync(auditor, $"/api/audit/trail?{Window}&module={m}&operation=Transition")).Single();
        Assert.Equal("bob." + m, record.Str("actorName"));
        Assert.Equal(unitB.ToString(), record.Str("actorUnitId"));
        Assert.Equal("trace-" + m, record.Str("correlationId"));
    }

    [Fact]
    public async Task Keyset_pages_return_every_record_once_newest_first_even_with_equal_times()
    {
        app.EnsureAvailable();
        var m = Tag();
        var records = Enumerable.Range(0, 23).Select(i => Record(Now.AddMinutes(-(i / 3)), m, "Row", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        await TrailAsync(app, records);
        var auditor = await app.ClientForAsync("auditor");

        var all = await AllPagesAsync(auditor, $"/api/audit/trail?{Window}&module={m}", 4);

        Assert.Equal(23, all.Count);
        Assert.Equal(records.Select(r => r.Id).Order(), all.Select(r => r.GetProperty("id").GetGuid()).Order());
        var times = all.Select(r => r.GetProperty("timeUtc").GetDateTime()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task An_entity_history_lists_every_record_of_the_entity_oldest_first_with_before_and_after()
    {
        app.EnsureAvailable();
        var m = Tag();
        await TrailAsync(
            app,
            Record(Now.AddDays(-40), m, "Target", "42", "Create", changes: """[{"field":"Value","before":null,"after":"100"}]"""),
            Record(Now.AddDays(-3), m, "Target", "42", "Update", changes: """[{"field":"Value","before":"100","after":"120"},{"field":"Note","before":"a","after":"b"}]"""),
            Record(Now.AddDays(-3), m, "Target", "43", "Update"),
            Record(Now.AddHours(-1), m, "Target", "42", "Transition", changes: """[{"field":"State","before":"Draft","after":"Published"}]"""));
        var auditor = await app.ClientForAsync("auditor");

        var history = await AllPagesAsync(auditor, $"/api/audit/trail/entity?module={m}&entityType=Target&entityId=42", 2);

        Assert.Equal(["Create", "Update", "Transition"], history.Select(r => r.Str("operation")));
        var seqs = history.Select(r => r.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(seqs.Order(), seqs);
        var update = history[1].GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal("Value", update[0].Str("field"));
        Assert.Equal("100", update[0].Str("before"));
        Assert.Equal("120", update[0].Str("after"));
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("changes")[0].GetProperty("before").ValueKind);
    }

    [Fact]
    public async Task A_user_timeline_merges_trail_and_access_log_by_time_across_pages()
    {
        app.EnsureAvailable();
        var m = Tag();
        var name = "tl." + m;
        var userId = Guid.NewGuid();
        await TrailAsync(app, Record(Now.AddMinutes(-50), m, actorName: name, actorUserId: userId), Record(Now.AddMinutes(-20), m, operation: "Create", actorName: name, actorUserId: userId));
        await AccessLogAsync(
            app,
            Access(Now.AddMinutes(-60), name, userId, null, "POST", "/connect/token", "/connect/token", 0, Modules.Audit.Domain.AccessLogKind.SignIn),
            Access(Now.AddMinutes(-40), name, userId, null, "GET", "/api/me", "/api/me", 200),
            Access(Now.AddMinutes(-10), name, userId, null, "PUT", "/api/x/{id}", "/api/x/1", 403),
            Access(Now.AddMinutes(-5), "someone.else", Guid.NewGuid(), null, "GET", "/api/me", "/api/me", 200));
        var auditor = await app.ClientForAsync("auditor");

        foreach (var who in new[] { name, userId.ToString() })
        {
            var timeline = await AllPagesAsync(auditor, $"/api/audit/timeline?user={who}&{Window}", 2);
            Assert.Equal(["Access:403", "Trail:Create", "Access:200", "Trail:Update", "Access:0"], timeline.Select(i => i.Str("source") + ":" + (i.Str("source") == "Trail" ? i.Str("operation") : i.GetProperty("status").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    [Theory]
    [InlineData("/api/audit/trail?pageSize=5", "from")]
    [InlineData("/api/audit/trail?from=2026-05-01T00:00:00Z", "to")]
    [InlineData("/api/audit/trail?from=2026-04-01T00:00:00Z&to=2026-05-20T00:00:00Z", "to")]
    [InlineData("/api/audit/trail?from=2026-05-20T00:00:00Z&to=2026-05-01T00:00:00Z", "to")]
    [InlineData("/api/audit/trail?from=2026-05-01T00:00:00Z&to=2026-05-20T00:00:00Z&operation=Drop", "operation")]
    [InlineData("/api/audit/trail?from=2026-05-01T00:00:00Z&to=2026-05-20T00:00:00Z&after=bm90LWEtY3Vyc29y", "after")]
    [InlineData("/api/audit/trail?from=2026-05-01T00:00:00Z&to=2026-05-20T00:00:00Z&after=%%%", "after")]
    [InlineData("/api/audit/trail/entity?module=Identity&entityType=User", "EntityId")]
    [InlineData("/api/audit/trail/entity?module=Identity&entityType=User&entityId=1&after=bm90", "after")]
    [InlineData("/api/audit/timeline?from=2026-05-01T00:00:00Z&to=2026-05-20T00:00:00Z", "User")]
    [InlineData("/api/audit/timeline?user=head01", "from")]
    [InlineData("/api/audit/trail/export?format=pdf&from=2026-05-01T00:00:00Z&to=2026-05-20T00:00:00Z", "format")]
    [InlineData("/api/audit/trail/export?format=csv", "from")]
    [InlineData("/api/audit/access-log?from=2026-03-01T00:00:00Z&to=2026-05-20T00:00:00Z", "to")]
    [InlineData("/api/audit/access-log?outcome=maybe", "outcome")]
    [InlineData("/api/audit/access-log?after=bm90LWEtY3Vyc29y", "after")]
    [InlineData("/api/audit/access-log/export?format=doc", "format")]
    [InlineData("/api/audit/access-log/export?format=csv&from=2026-01-01T00:00:00Z", "to")]
    public async Task Bad_query_input_is_a_400_problem_naming_the_field(string url, string field)
    {
        app.EnsureAvailable();
        var auditor = await app.ClientForAsync("auditor");

        var response = await auditor.GetAsync(url);

        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.GetProperty("errors").EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)), body.ToString());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("security")]
    [InlineData("supervisor")]
    [InlineData("head01")]
    public async Task Nobody_but_the_auditor_reads_the_console_and_nobody_can_write_to_it(string user)
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync(user);
        var w = "from=2026-05-01T00:00:00Z&to=2026-05-20T00:00:00Z";
        foreach (var url in new[] { $"/api/audit/trail?{w}", "/api/audit/trail/entity?module=A&entityType=B&entityId=C", $"/api/audit/timeline?user=x&{w}", $"/api/audit/trail/export?{w}", "/api/audit/access-log/export", "/api/audit/access-log" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }

        var auditor = await app.ClientForAsync("auditor");
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            foreach (var caller in new[] { client, auditor })
            {
                var status = (await caller.SendAsync(new HttpRequestMessage(method, $"/api/audit/trail?{w}"))).StatusCode;
                Assert.True(status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{method} /api/audit/trail answered {(int)status}");
            }
        }
    }
}
