using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Modules.Identity.Data;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Data;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>The app with one more module text resource, as a module registers its own.</summary>
public sealed class LocalizedNotificationsFactory : BranchNetworkFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton(new ModuleTextResource("platformtest", typeof(PlatformTestText))));
    }
}

/// <summary>Issue 8 item 9: a notification is stored as a key and arguments and read in the reader's language.</summary>
[Trait("Spec", "NT-1")]
public sealed class LocalizedNotificationTests(LocalizedNotificationsFactory app) : IClassFixture<LocalizedNotificationsFactory>
{
    [Fact]
    public async Task A_keyed_notification_reads_in_chinese_for_a_chinese_reader_and_in_english_for_an_english_one_with_arguments_as_text()
    {
        app.EnsureAvailable();
        Guid head03;
        using (var scope = app.Services.CreateScope())
        {
            head03 = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Users.Where(u => u.UserName == "head03").Select(u => u.Id).SingleAsync();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            db.AddIntegrationEvent(new NotificationsRequested(Guid.CreateVersion7(), app.Clock.UtcNow, "scheme-published",
            [
                new NotificationItem(
                    [head03],
                    LocalizedText.Of("platformtest:SchemePublishedTitle", "2026Q1"),
                    LocalizedText.Of("platformtest:SchemePublishedBody", "95.5", "<b>支行03</b>"),
                    "/assessment"),
            ]));
            await db.SaveChangesAsync();
        }

        var chinese = await app.ClientForAsync("head03");
        var zh = await Eventually.WaitAsync(() => ItemAsync(chinese), i => i is not null, "the notification in the inbox");
        Assert.Equal("考核方案已发布：2026Q1", zh!.Value.GetProperty("title").GetString());
        Assert.Equal("<b>支行03</b> 的得分为 95.5 分。", zh.Value.GetProperty("body").GetString());
        Assert.False(zh.Value.GetProperty("bodyIsHtml").GetBoolean());

        var english = await app.ClientForAsync("head03");
        english.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var en = await ItemAsync(english);
        Assert.Equal("Scheme published: 2026Q1", en!.Value.GetProperty("title").GetString());
        Assert.Equal("<b>支行03</b> scored 95.5 points.", en.Value.GetProperty("body").GetString());

        // The inbox page, with the language chosen by the culture cookie: English, and the argument shown as text.
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await CookieSignIn.LoginAsync(browser, "head03", BranchNetworkFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/culture/set?culture=en&redirectUri=/notifications")).StatusCode);
        var page = await browser.GetStringAsync("/notifications");
        Assert.Contains("Scheme published: 2026Q1", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;支行03&lt;/b&gt; scored 95.5 points.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>支行03</b>", page, StringComparison.Ordinal);
    }

    private static async Task<JsonElement?> ItemAsync(HttpClient client)
    {
        var inbox = await (await client.GetAsync("/api/notifications")).JsonAsync();
        return inbox.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "scheme-published").Select(i => (JsonElement?)i).FirstOrDefault();
    }
}
