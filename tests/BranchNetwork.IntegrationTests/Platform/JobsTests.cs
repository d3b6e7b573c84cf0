using System.Net;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Modules.Identity.Jobs;
using BranchNetwork.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace BranchNetwork.IntegrationTests.Platform;

[Trait("Spec", "ORG-4")]
public sealed class JobsTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_jobs_dashboard_is_for_the_system_admin_only()
    {
        app.EnsureAvailable();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync("/jobs")).StatusCode);

        var staff = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.LoginAsync(staff, "staff0201", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/jobs")).StatusCode);

        var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.LoginAsync(admin, "admin", BranchNetworkFactory.DemoPassword);
        var dashboard = await admin.GetAsync("/jobs/recurring");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains(PruneTokensJob.Id, await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_pruning_job_is_scheduled_daily()
    {
        app.EnsureAvailable();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == PruneTokensJob.Id);
        Assert.Equal("0 2 * * *", job.Cron);
    }

    [Fact]
    public async Task Pruning_removes_revoked_tokens_once_the_clock_has_moved_two_weeks_on()
    {
        app.EnsureAvailable();
        await app.TokenAsync("staff0801");
        var admin = await app.ClientForAsync("admin");
        var id = await TokenFlowTests.FindUserAsync(admin, "staff0801");
        await admin.PostAsync($"/api/identity/users/{id}/disable", null);

        Assert.NotEmpty(await TokensOfAsync(id));

        await RunPruneJobAsync();
        Assert.NotEmpty(await TokensOfAsync(id));

        app.Clock.Advance(TimeSpan.FromDays(15));
        await RunPruneJobAsync();
        Assert.Empty(await TokensOfAsync(id));
    }

    private async Task RunPruneJobAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PruneTokensJob>().RunAsync(CancellationToken.None);
    }

    // A fresh scope each time: the token manager caches what it has read.
    private async Task<List<object>> TokensOfAsync(string subject)
    {
        using var scope = app.Services.CreateScope();
        return await Collect(scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().FindBySubjectAsync(subject));
    }

    private static async Task<List<object>> Collect(IAsyncEnumerable<object> items)
    {
        var list = new List<object>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
