using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Tasks.Week;
using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Resources.Requests;

/// <summary>RR-1 through the API: filing each kind, the fields refused one by one with nothing stored, who reads a draft and a submitted request, editing.</summary>
[Trait("Spec", "RR-1")]
public sealed class FilingRequestTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_head_files_a_draft_of_each_kind_with_its_own_fields()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");

        var material = await head.CreatedAsync(RequestsApi.Material());
        Assert.Equal(("Material", "Draft", "宣传折页", 500m, "份"), (material.GetProperty("kind").GetString(), material.GetProperty("state").GetString(),
            material.GetProperty("itemName").GetString(), material.GetProperty("quantity").GetDecimal(), material.GetProperty("unit").GetString()));
        Assert.Equal(JsonValueKind.Null, material.GetProperty("amount").ValueKind);

        var money = await head.CreatedAsync(RequestsApi.Money(80_000m));
        Assert.Equal(("Money", 80_000m, "营销费用", 80_000m), (money.GetProperty("kind").GetString(), money.GetProperty("amount").GetDecimal(),
            money.GetProperty("budgetCategory").GetString(), money.GetProperty("asked").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, money.GetProperty("quantity").ValueKind);

        var people = await head.CreatedAsync(RequestsApi.People());
        Assert.Equal(("People", 2m, 14, "人"), (people.GetProperty("kind").GetString(), people.GetProperty("quantity").GetDecimal(),
            people.GetProperty("durationDays").GetInt32(), people.GetProperty("unit").GetString()));
        Assert.StartsWith("支行01", people.GetProperty("subBranchName").GetString(), StringComparison.Ordinal);

        // The operation record starts with the creation by head01, and the requester may edit, submit and withdraw the draft.
        var action = Assert.Single(people.GetProperty("actions").EnumerateArray());
        Assert.Equal("Created", action.GetProperty("kind").GetString());
        var permissions = people.GetProperty("permissions");
        Assert.True(permissions.GetProperty("edit").GetBoolean() && permissions.GetProperty("submit").GetBoolean() && !permissions.GetProperty("recall").GetBoolean());

        // head01's list shows the three drafts, newest first; the kind filter narrows it.
        var list = await (await head.GetAsync("/api/resources/requests?state=Draft")).JsonAsync();
        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([people.GetProperty("id").GetGuid(), money.GetProperty("id").GetGuid(), material.GetProperty("id").GetGuid()], ids.Take(3));
        var onlyMoney = await (await head.GetAsync("/api/resources/requests?kind=Money")).JsonAsync();
        Assert.All(onlyMoney.GetProperty("items").EnumerateArray(), i => Assert.Equal("Money", i.GetProperty("kind").GetString()));
        Assert.Contains(onlyMoney.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == money.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("amount", "Money", 0)]
    [InlineData("amount", "Money", -5)]
    [InlineData("quantity", "Material", 0)]
    [InlineData("quantity", "Material", -1)]
    [InlineData("quantity", "People", 1.5)]
    [InlineData("durationDays", "People", 0)]
    [InlineData("neededBy", "Material", 0)]
    [InlineData("title", "Material", 0)]
    [InlineData("justification", "Money", 0)]
    [InlineData("itemName", "Material", 0)]
    [InlineData("unit", "Material", 0)]
    [InlineData("budgetCategory", "Money", 0)]
    [InlineData("kind", "Galaxy", 0)]
    public async Task A_wrong_field_is_refused_by_name_and_nothing_is_stored(string field, string kind, double value)
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");
        var body = new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["title"] = "宣传物料",
            ["justification"] = "补充网点物料。",
            ["neededBy"] = RequestsApi.NeededBy,
        };
        switch (kind)
        {
            case "Money":
                body["amount"] = 1_000m;
                body["budgetCategory"] = "营销费用";
                break;
            case "People":
                body["quantity"] = 2m;
                body["durationDays"] = 5;
                break;
            default:
                body["itemName"] = "折页";
                body["quantity"] = 10m;
                body["unit"] = "份";
                break;
        }

        body[field] = field switch
        {
            "neededBy" => "2026-05-20",
            "title" => new string('长', 101),
            "justification" => "",
            "itemName" => null,
            "unit" => "一二三四五六七八九十十一",
            "budgetCategory" => " ",
            "kind" => "Galaxy",
            _ => (decimal)value,
        };
        var before = await RequestsApi.CountAsync(app);

        var response = await head.PostAsJsonAsync("/api/resources/requests", body);

        var problem = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => e.Name.Contains(field, StringComparison.OrdinalIgnoreCase)), problem.ToString());
        Assert.Equal(before, await RequestsApi.CountAsync(app));
    }

    [Fact]
    public async Task A_draft_is_its_requesters_alone_and_a_submitted_request_is_read_by_its_sub_branch_and_head_office()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");
        var draft = (await head.CreatedAsync(RequestsApi.Material("私人草稿"))).GetProperty("id").GetGuid();
        foreach (var other in new[] { "manager01", "head02", "supervisor", "auditor" })
        {
            var client = await app.ClientForAsync(other);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/resources/requests/{draft}")).StatusCode);
            var list = await (await client.GetAsync("/api/resources/requests?state=Draft")).JsonAsync();
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == draft);
        }

        var submitted = (await head.SubmittedAsync(RequestsApi.People())).GetProperty("id").GetGuid();
        foreach (var reader in new[] { "manager01", "auditor" })
        {
            var client = await app.ClientForAsync(reader);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/resources/requests/{submitted}")).StatusCode);
            var list = await (await client.GetAsync("/api/resources/requests")).JsonAsync();
            Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == submitted);
        }

        // Another sub-branch's head learns nothing of it; staff have no part in requests at all.
        var head02 = await app.ClientForAsync("head02");
        Assert.Equal(HttpStatusCode.NotFound, (await head02.GetAsync($"/api/resources/requests/{submitted}")).StatusCode);
        Assert.DoesNotContain((await (await head02.GetAsync("/api/resources/requests")).JsonAsync()).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == submitted);
        var staff = await app.ClientForAsync("staff0101");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/resources/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/resources/requests/{submitted}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/resources/requests", RequestsApi.Material())).StatusCode);

        // manager01 reads head01's request but may not edit or submit it: the requester's alone.
        var manager = await app.ClientForAsync("manager01");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/resources/requests/{submitted}/withdraw", null)).StatusCode);
    }

    [Fact]
    public async Task The_requester_edits_a_draft_and_a_returned_request_and_a_stale_version_is_refused()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");
        var created = await head.CreatedAsync(RequestsApi.Material());
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt64();

        var edited = await head.PutAsJsonAsync($"/api/resources/requests/{id}", Edit("宣传折页（加印）", 800m, version));
        var json = await edited.JsonAsync();
        Assert.True(edited.IsSuccessStatusCode, json.ToString());
        Assert.Equal(("宣传折页（加印）", 800m), (json.GetProperty("title").GetString(), json.GetProperty("quantity").GetDecimal()));

        // The version read before the edit is stale now: 409, and the content stays the edited one.
        var stale = await head.PutAsJsonAsync($"/api/resources/requests/{id}", Edit("旧版本", 1m, version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("宣传折页（加印）", (await head.DetailAsync(id)).GetProperty("title").GetString());

        // Submitted: no edit. Returned to the requester (退回): editable again, and submitted as a second round.
        _ = await head.PostAsync($"/api/resources/requests/{id}/submit", null);
        var locked = await head.PutAsJsonAsync($"/api/resources/requests/{id}", Edit("改不了", 2m, (await head.DetailAsync(id)).GetProperty("version").GetInt64()));
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        var supervisor = await WeekApi.UserIdAsync(app, "supervisor");
        await RequestsApi.OnEntityAsync(app, id, (r, now) => r.Return(new Person(supervisor, "分行督导"), null, "请说明用途", now, RequestsApi.TwoDays));
        var returned = await head.DetailAsync(id);
        Assert.Equal("Returned", returned.GetProperty("state").GetString());
        Assert.True(returned.GetProperty("permissions").GetProperty("edit").GetBoolean());
        var again = await head.PutAsJsonAsync($"/api/resources/requests/{id}", Edit("宣传折页（说明用途）", 600m, returned.GetProperty("version").GetInt64()));
        Assert.True(again.IsSuccessStatusCode, (await again.JsonAsync()).ToString());
        var resubmitted = await (await head.PostAsync($"/api/resources/requests/{id}/submit", null)).JsonAsync();
        Assert.Equal(("Submitted", 2), (resubmitted.GetProperty("state").GetString(), resubmitted.GetProperty("round").GetInt32()));
    }

    [Fact]
    public async Task A_request_links_an_indicator_of_the_current_sheet_and_a_measure_of_the_plan_and_nothing_else()
    {
        app.EnsureAvailable();
        _ = await ApprovedPlan.CreateAsync(app);
        var head = await app.ClientForAsync("head01");
        var options = await (await head.GetAsync("/api/resources/link-options")).JsonAsync();
        var indicator = options.GetProperty("indicators")[0];

        var body = Linking("存款营销物料", indicator.GetProperty("id").GetGuid(),
            options.GetProperty("measures").GetArrayLength() > 0 ? options.GetProperty("measures")[0].GetProperty("id").GetGuid() : null);
        var linked = await head.CreatedAsync(body);
        Assert.Equal(indicator.GetProperty("name").GetString(), linked.GetProperty("indicator").GetProperty("name").GetString());

        var before = await RequestsApi.CountAsync(app);
        var wrong = await head.PostAsJsonAsync("/api/resources/requests", Linking("错误关联", Guid.NewGuid(), Guid.NewGuid()));
        var problem = await wrong.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("indicatorId", out _) && problem.GetProperty("errors").TryGetProperty("measureId", out _), problem.ToString());
        Assert.Equal(before, await RequestsApi.CountAsync(app));
    }

    [Fact]
    public async Task The_requester_attaches_a_file_to_the_draft_and_no_more_once_it_is_submitted()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");
        var id = (await head.CreatedAsync(RequestsApi.Money(30_000m, "沙龙场地报价"))).GetProperty("id").GetGuid();

        var attached = await head.PostAsync($"/api/resources/requests/{id}/attachments", Security.MatrixWorld.EvidenceForm());
        var json = await attached.JsonAsync();
        Assert.True(attached.IsSuccessStatusCode, json.ToString());
        var file = Assert.Single(json.GetProperty("attachments").EnumerateArray());
        Assert.Equal("证明.pdf", file.GetProperty("name").GetString());
        var download = await head.GetAsync($"/api/files/{file.GetProperty("fileId").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        var manager = await app.ClientForAsync("manager01");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/api/resources/requests/{id}/attachments", Security.MatrixWorld.EvidenceForm())).StatusCode);
        _ = await head.PostAsync($"/api/resources/requests/{id}/submit", null);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsync($"/api/resources/requests/{id}/attachments", Security.MatrixWorld.EvidenceForm())).StatusCode);
        Assert.Single((await head.DetailAsync(id)).GetProperty("attachments").EnumerateArray());
    }

    private static Dictionary<string, object?> Linking(string title, Guid indicatorId, Guid? measureId) => new()
    {
        ["kind"] = "Material",
        ["title"] = title,
        ["justification"] = "配合存款指标。",
        ["itemName"] = "礼品",
        ["quantity"] = 20m,
        ["unit"] = "份",
        ["neededBy"] = RequestsApi.NeededBy,
        ["indicatorId"] = indicatorId,
        ["measureId"] = measureId,
    };

    private static object Edit(string title, decimal quantity, long version) => new
    {
        title,
        justification = "开门红期间各网点需补充宣传折页。",
        itemName = "宣传折页",
        quantity,
        unit = "份",
        neededBy = RequestsApi.NeededBy,
        version,
    };
}
