using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// Finding 6 of issue 9: request bodies are held to a small default, larger only for the endpoints that need it
/// (imports, uploads, large grids), and a command body with a field the command does not have is refused.
/// </summary>
[Trait("Spec", "NT-1")]
[Trait("Spec", "AS-3")]
public sealed class BodyLimitTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static string Padded(string title, int bytes) =>
        "{\"title\":\"" + title + "\",\"body\":\"请各支行按时完成。\",\"padding\":\"" + new string('x', bytes) + "\"}";

    [Fact]
    public async Task A_10_MB_announcement_is_a_413_problem_and_nothing_is_published()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");

        var response = await supervisor.PostAsync("/api/notifications/announcements", new StringContent(Padded("超大通知", 10 * 1024 * 1024), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("body_too_large", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.DoesNotContain(await supervisor.AllItemsAsync("/api/notifications/announcements"), a => a.GetProperty("title").GetString() == "超大通知");
    }

    [Fact]
    public async Task A_10_MB_body_without_a_declared_length_is_a_413_too()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Padded("分块超大通知", 10 * 1024 * 1024))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/announcements") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await supervisor.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain(await supervisor.AllItemsAsync("/api/notifications/announcements"), a => a.GetProperty("title").GetString() == "分块超大通知");
    }

    [Fact]
    public async Task An_unknown_field_is_a_400_naming_the_field_in_the_users_language_and_nothing_is_published()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");

        var chinese = await supervisor.PostAsync("/api/notifications/announcements", new StringContent(Padded("多余字段通知", 10), Encoding.UTF8, "application/json"));
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/announcements") { Content = new StringContent(Padded("多余字段通知", 10), Encoding.UTF8, "application/json") };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await supervisor.SendAsync(english);

        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var problem = await chinese.JsonAsync();
        Assert.Equal("unknown_field", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("padding", out _), problem.ToString());
        Assert.Contains("padding", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("字段", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, inEnglish.StatusCode);
        Assert.Contains("does not accept: padding", (await inEnglish.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await supervisor.AllItemsAsync("/api/notifications/announcements"), a => a.GetProperty("title").GetString() == "多余字段通知");
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_named_in_the_400()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var unit = (await Identity.UserAdministrationTests.UnitsByCodeAsync(admin))["SB05-T1"];

        var response = await admin.PutAsync($"/api/identity/units/{unit}", new StringContent("{\"name\":\"组\",\"version\":\"x\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task Imports_and_large_grids_still_take_more_than_the_default_but_not_without_bound()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)], target: 1m, publish: false);
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var code = (await (await taskAdmin.GetAsync($"/api/assessment/schemes/{scheme.Id}")).JsonAsync()).GetProperty("indicators")[0].GetProperty("code").GetString()!;
        // Valid rows, then 600 KB of blank rows (skipped by the import): a legitimate file above the JSON default.
        var csv = "支行代码,指标代码,目标值\r\n" + string.Concat(scheme.SubBranches.Keys.Select(c => $"{c},{code},900\r\n")) + string.Concat(Enumerable.Repeat(",,\r\n", 150_000));
        var import = await taskAdmin.PostAsync($"/api/assessment/schemes/{scheme.Id}/targets/import", File(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        // A grid of 3,000 cells (about 330 KB of JSON) reaches validation (unknown sub-branches), not the limit.
        var cells = Enumerable.Range(0, 3000).Select(_ => new { subBranchId = Guid.NewGuid(), indicatorId = Guid.NewGuid(), value = 12345.67m }).ToArray();
        var grid = await taskAdmin.PutAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/targets", new { cells });
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, grid.StatusCode);
        Assert.True((int)grid.StatusCode < 500, $"{(int)grid.StatusCode}");

        // An import above its own limit (5 MB) is refused before it is read.
        var huge = await taskAdmin.PostAsync($"/api/assessment/schemes/{scheme.Id}/targets/import", File(new byte[6 * 1024 * 1024]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("application/problem+json", huge.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_user_import_above_the_json_default_is_taken()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        // One account, then 400 KB of blank rows (skipped; under the 5,000-row cap): above the JSON default.
        var csv = "UserName,DisplayName,UnitCode,Password\r\nbody.limit01,限额测试,SB01,Import#2026z\r\n" + string.Concat(Enumerable.Repeat(", , ," + new string(' ', 200) + "\r\n", 2_000));

        var response = await admin.PostAsync("/api/identity/users/import", File(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static MultipartFormDataContent File(byte[] content) => new() { { new ByteArrayContent(content), "file", "rows.csv" } };
}
