using System.Net;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.IntegrationTests.Platform.Sample;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>The app with the sample module of docs/adding-a-module.md plugged in through the host's test hook, and nothing else changed.</summary>
public sealed class SampleModuleFactory : BranchNetworkFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Modules:Extra:0"] = typeof(SampleModule).AssemblyQualifiedName,
    };
}

/// <summary>
/// A module plugs in through <c>IModule</c> alone: its endpoint answers (through its own DbContext, registered with
/// no migration), its page renders in the shell, its navigation entry and its home card with a live figure show.
/// </summary>
[Trait("Spec", "ORG-4")]
public sealed class ModulePlugInTests(SampleModuleFactory app) : IClassFixture<SampleModuleFactory>
{
    [Fact]
    public async Task A_modules_endpoint_answers_through_its_own_database_context()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");

        var status = await (await admin.GetAsync("/api/sample/status")).JsonAsync();

        Assert.Equal("Sample", status.GetProperty("module").GetString());
        Assert.True(status.GetProperty("database").GetBoolean());
    }

    [Fact]
    public async Task A_modules_page_renders_in_the_shell_with_its_navigation_entry()
    {
        app.EnsureAvailable();
        var browser = await SignedInAsync("staff0101");

        var page = await browser.GetAsync("/sample");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"sample-page\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-sample\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_modules_home_card_shows_its_live_figure_to_its_role_only()
    {
        app.EnsureAvailable();
        var admin = await (await SignedInAsync("admin")).GetStringAsync("/");
        var staff = await (await SignedInAsync("staff0101")).GetStringAsync("/");

        // Identity, Notifications, Audit, Files, Assessment, Tasks, WorkLogs, Resources, Community and Sample: ten module databases.
        var card = admin.IndexOf("data-testid=\"home-card-SampleDatabases\"", StringComparison.Ordinal);
        Assert.True(card >= 0, "no sample card on the admin's home page");
        Assert.Matches("^[^>]*>[\\s\\S]*?data-testid=\"home-card-figure\"[^>]*>10<", admin[card..]);
        Assert.DoesNotContain("home-card-SampleDatabases", staff, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.LoginAsync(browser, userName, BranchNetworkFactory.DemoPassword);
        return browser;
    }
}
