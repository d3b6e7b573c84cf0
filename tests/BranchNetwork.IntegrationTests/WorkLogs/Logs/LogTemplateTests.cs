using System.Net;
using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.WorkLogs.Logs;

/// <summary>WL-1: templates per position kept by SystemAdmin and TaskAdmin — create, change with the version, retire; who may; the limits.</summary>
[Trait("Spec", "WL-1")]
public sealed class LogTemplateTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_task_admin_creates_changes_and_retires_a_template_and_one_position_has_one_active_template()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("taskadmin");
        var position = AssessmentApi.Unique("岗位");
        var body = new { name = "柜员日志", position, description = "柜面", fields = new object[] { new { key = "count", label = "业务笔数", type = "Number", required = true, unit = "笔" } } };
        var created = await admin.PostAsJsonAsync("/api/worklogs/templates", body);
        var template = await created.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = template.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/worklogs/templates", body)).StatusCode);

        var changed = await admin.PutAsJsonAsync($"/api/worklogs/templates/{id}", new
        {
            name = "柜员日志（新）",
            position,
            fields = new object[] { new { key = "count", label = "业务笔数", type = "Number", required = true, unit = "笔" }, new { key = "note_kind", label = "业务类型", type = "Choice", required = false, choices = new[] { "对公", "对私" } } },
            version = template.GetProperty("version").GetInt64(),
        });
        var after = await changed.JsonAsync();
        Assert.True(changed.IsSuccessStatusCode, after.ToString());
        Assert.Equal(("柜员日志（新）", 2), (after.GetProperty("name").GetString(), after.GetProperty("fields").GetArrayLength()));
        var stale = await admin.PutAsJsonAsync($"/api/worklogs/templates/{id}", new { name = "过期", position, fields = Array.Empty<object>(), version = template.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/worklogs/templates/{id}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/worklogs/templates/{id}/retire", null)).StatusCode);
        var list = await (await admin.GetAsync("/api/worklogs/templates")).JsonAsync();
        Assert.True(list.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id).GetProperty("isRetired").GetBoolean());
        // Retired, the position is free again.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/worklogs/templates", body)).StatusCode);
    }

    [Fact]
    public async Task Only_the_system_and_task_admins_keep_templates_and_bad_fields_are_refused_by_name()
    {
        app.EnsureAvailable();
        var body = new { name = "模板", position = AssessmentApi.Unique("岗位"), fields = Array.Empty<object>() };
        foreach (var user in new[] { "staff0101", "head01", "supervisor", "auditor" })
        {
            var client = await app.ClientForAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/worklogs/templates")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/worklogs/templates", body)).StatusCode);
        }

        var admin = await app.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/worklogs/templates", body)).StatusCode);

        async Task RefusedAsync(object fields, string field)
        {
            var response = await admin.PostAsJsonAsync("/api/worklogs/templates", new { name = "坏模板", position = AssessmentApi.Unique("岗位"), fields });
            var problem = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem);
            Assert.Contains(field, problem, StringComparison.OrdinalIgnoreCase);
        }

        await RefusedAsync(new object[] { new { key = "Visits", label = "走访", type = "Number", required = false } }, "fields[0].key");
        await RefusedAsync(new object[] { new { key = "a", label = "甲", type = "Text", required = false }, new { key = "a", label = "乙", type = "Text", required = false } }, "fields[1].key");
        await RefusedAsync(new object[] { new { key = "product", label = "产品", type = "Choice", required = false } }, "fields[0].choices");
        await RefusedAsync(new object[] { new { key = "x", label = new string('长', 51), type = "Text", required = false } }, "label");
    }
}
