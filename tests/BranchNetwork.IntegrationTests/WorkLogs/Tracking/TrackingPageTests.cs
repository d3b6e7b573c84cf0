using System.Text.RegularExpressions;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BranchNetwork.IntegrationTests.WorkLogs.Tracking;

/// <summary>WL-2: the tracking page shows the head the day's people, missing first, with the missing count, and the month's rates.</summary>
[Trait("Spec", "WL-2")]
public sealed partial class TrackingPageTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_head_sees_who_is_missing_first_with_the_count_and_the_months_rates()
    {
        app.EnsureAvailable();
        TrackingData.MoveTo(app, 10);
        await TrackingData.LogAsync(app, await TrackingData.MemberAsync(app, "staff0101"));
        TrackingData.MoveTo(app, 21);

        var page = await PageAsync("head01", "/worklogs/tracking");
        var rows = RowPattern().Matches(page).Select(m => System.Net.WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " "))).ToList();
        Assert.True(rows.Count >= 7, $"{rows.Count} submission rows");
        Assert.Contains("未交", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains("支行01员工1", StringComparison.Ordinal) && r.Contains("按时", StringComparison.Ordinal));
        Assert.Equal(rows.Count(r => r.Contains("未交", StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture), MissingCount(page));
        var month = await PageAsync("head01", "/worklogs/tracking?view=month");
        Assert.Contains("data-testid=\"rates-people\"", month, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rates-chart\"", month, StringComparison.Ordinal);
        Assert.Contains("支行01营销团队", month, StringComparison.Ordinal);

        // Staff have no such page.
        var staff = await PageAsync("staff0101", "/worklogs/tracking");
        Assert.DoesNotContain("submission-row", staff, StringComparison.Ordinal);
    }

    private static string MissingCount(string page) =>
        MissingPattern().Match(page) is { Success: true } m ? m.Groups[1].Value.Trim() : "none";

    private async Task<string> PageAsync(string user, string url)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        await CookieSignIn.LoginAsync(browser, user, BranchNetworkFactory.DemoPassword);
        return await browser.GetStringAsync(url);
    }

    [GeneratedRegex("data-testid=\"submission-row\"[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("data-testid=\"submission-missing-count\"[^>]*>([^<]*)<")]
    private static partial Regex MissingPattern();
}
