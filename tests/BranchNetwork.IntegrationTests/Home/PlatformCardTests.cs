using System.Net;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Home;

/// <summary>SPEC §9 for SystemAdmin: parked outbox messages and failed jobs on the home page, each leading to where it is investigated.</summary>
[Trait("Spec", "NT-1")]
public sealed class PlatformCardTests(ParkingFactory app) : IClassFixture<ParkingFactory>
{
    [Fact]
    public async Task The_system_admin_sees_parked_messages_with_a_page_listing_them_and_failed_jobs_with_the_jobs_dashboard()
    {
        app.EnsureAvailable();
        var before = await HomePage.ReadAsync(app, "admin");
        Assert.Equal("0", HomePage.Card(before, "PlatformParkedMessages").Figure);
        Assert.Equal("没有搁置的消息", HomePage.Card(before, "PlatformParkedMessages").Caption);
        var jobs = HomePage.Card(before, "PlatformFailedJobs");
        Assert.Equal("/jobs/jobs/failed", jobs.Link);
        Assert.True(jobs.Count >= 0);

        await (await app.ClientForAsync("supervisor")).AnnounceAsync("永远失败", role: "Auditor");
        var parked = await Eventually.WaitAsync(
            () => HomePage.CardAsync(app, "admin", "PlatformParkedMessages"), c => c.Count > 0, "the message to be parked", passing: app.Clock);
        Assert.Equal("多次投递失败后搁置：Notifications " + parked.Figure, parked.Caption);
        Assert.Equal("/platform/outbox", parked.Link);

        var admin = await HomePage.BrowserAsync(app, "admin");
        var page = await admin.GetAsync(parked.Link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var markup = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"parked-message\"", markup, StringComparison.Ordinal);
        Assert.Contains("Injected failure", markup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(jobs.Link)).StatusCode);

        // Nobody else: no card, and the page refuses them.
        var supervisorHome = await HomePage.ReadAsync(app, "supervisor");
        Assert.False(HomePage.Has(supervisorHome, "PlatformParkedMessages"));
        Assert.False(HomePage.Has(supervisorHome, "PlatformFailedJobs"));
        var supervisor = await HomePage.BrowserAsync(app, "supervisor");
        var refused = await supervisor.GetAsync("/platform/outbox");
        Assert.DoesNotContain("data-testid=\"parked-message\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
