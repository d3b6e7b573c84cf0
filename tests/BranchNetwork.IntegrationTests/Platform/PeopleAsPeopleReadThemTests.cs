using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// Issue 11: people are named as colleagues know them (分行督导, 支行01行长), not by their sign-in names. The access log
/// and the audit trail carry each person's display name beside the sign-in name; records that name their author
/// (a warning, an appeal's decision) store the display name.
/// </summary>
public sealed class PeopleAsPeopleReadThemTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    [Trait("Spec", "AU-4")]
    public async Task The_access_log_and_the_trail_name_the_supervisor_分行督导()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        Assert.True((await supervisor.GetAsync("/api/me")).IsSuccessStatusCode);
        var auditor = await app.ClientForAsync("auditor");

        var log = await Eventually.WaitAsync(
            async () => (await (await auditor.GetAsync("/api/audit/access-log?user=supervisor&path=/api/me&pageSize=50")).JsonAsync()).GetProperty("items").EnumerateArray().ToList(),
            items => items.Count > 0,
            "the supervisor's request in the access log");
        Assert.All(log, e => Assert.Equal(("supervisor", "分行督导"), (e.GetProperty("userName").GetString(), e.GetProperty("displayName").GetString())));

        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        var trail = await (await auditor.GetAsync($"/api/audit/trail?from={app.Clock.UtcNow.AddDays(-1):yyyy-MM-ddTHH:mm:ssZ}&to={app.Clock.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}&pageSize=100")).JsonAsync();
        var named = trail.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("actorName").GetString() is "taskadmin" or "supervisor" or "admin").ToList();
        Assert.True(named.Count > 0, $"no trail record by a person for scheme {scheme.Id}");
        Assert.All(named, r => Assert.NotEqual(r.GetProperty("actorName").GetString(), r.GetProperty("actorDisplayName").GetString()));
    }

    [Fact]
    [Trait("Spec", "AS-6")]
    public async Task A_warning_names_the_supervisor_who_issued_it_by_display_name()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        var supervisor = await app.ClientForAsync("supervisor");
        var issued = await supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB01"], kind = "Warning", message = "存款进度落后，请加快。" });
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        Assert.Equal("分行督导", (await issued.JsonAsync()).GetProperty("issuedByName").GetString());
    }
}
