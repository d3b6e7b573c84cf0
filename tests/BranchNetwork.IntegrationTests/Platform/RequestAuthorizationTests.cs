using System.Net;
using System.Security.Claims;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Modules.Notifications.Features.PublishAnnouncement;
using BranchNetwork.SharedKernel.Errors;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// Item 4 of the module kit: the role a request declares is checked by the mediator before its handler,
/// for the API and the pages alike. Publishing an announcement is the probe: its handler would store it
/// and notify people, which anyone can observe.
/// </summary>
[Trait("Spec", "ORG-2")]
public sealed class RequestAuthorizationTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_role_the_request_does_not_declare_gets_403_and_nothing_is_published()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head03");

        var response = await head.AnnounceAsync("越权通知", role: "Staff");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("auth.role_required", (await response.JsonAsync()).GetProperty("code").GetString());
        var supervisor = await app.ClientForAsync("supervisor");
        Assert.DoesNotContain(await supervisor.AllItemsAsync("/api/notifications/announcements"), a => a.GetProperty("title").GetString() == "越权通知");
    }

    [Fact]
    public async Task An_unauthorised_caller_learns_nothing_from_validation_the_403_comes_first()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head03");

        // Empty title and an unknown role would be two field errors for a supervisor.
        var response = await head.AnnounceAsync("", role: "Emperor");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await response.JsonAsync()).TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_page_sending_the_same_request_is_refused_the_same_way()
    {
        app.EnsureAvailable();
        await using var scope = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(CurrentUser.SubjectClaim, Guid.NewGuid().ToString()), new Claim(CurrentUser.NameClaim, "head03"), new Claim(CurrentUser.RoleClaim, "SubBranchHead")],
            authenticationType: "Test",
            nameType: CurrentUser.NameClaim,
            roleType: CurrentUser.RoleClaim));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitPrincipal(principal);
        var pages = scope.ServiceProvider.GetRequiredService<IPageSender>();

        var denied = await Assert.ThrowsAsync<ForbiddenException>(async () => await pages.Send(new PublishAnnouncementCommand("页面越权", "x", null, "Staff")));

        Assert.Equal("auth.role_required", denied.Code);
        var supervisor = await app.ClientForAsync("supervisor");
        Assert.DoesNotContain(await supervisor.AllItemsAsync("/api/notifications/announcements"), a => a.GetProperty("title").GetString() == "页面越权");
    }

    [Fact]
    public async Task A_declared_role_still_reaches_the_handler()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");

        Assert.Equal(HttpStatusCode.Created, (await supervisor.AnnounceAsync("授权通知", role: "Auditor")).StatusCode);
    }
}
