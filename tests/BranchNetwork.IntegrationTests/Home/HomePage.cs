using System.Net;
using System.Text.RegularExpressions;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BranchNetwork.IntegrationTests.Home;

/// <summary>One card of a home page as the server rendered it: the figure, the caption and where its link goes.</summary>
internal sealed record HomeCardView(string Figure, string Caption, string Link)
{
    public int Count => int.Parse(Figure.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Reads a user's home page through HTTP (cookie sign-in, as a browser) and its cards out of the markup.</summary>
internal static partial class HomePage
{
    public static async Task<string> ReadAsync(BranchNetworkFactory app, string user)
    {
        var browser = await BrowserAsync(app, user);
        var response = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<HttpClient> BrowserAsync(BranchNetworkFactory app, string user)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.LoginAsync(browser, user, BranchNetworkFactory.DemoPassword);
        return browser;
    }

    public static async Task<HomeCardView> CardAsync(BranchNetworkFactory app, string user, string key) => Card(await ReadAsync(app, user), key);

    public static bool Has(string home, string key) => home.Contains($"data-testid=\"home-card-{key}\"", StringComparison.Ordinal);

    public static HomeCardView Card(string home, string key)
    {
        var start = home.IndexOf($"data-testid=\"home-card-{key}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {key} card");
        var rest = home[start..];
        var link = rest.IndexOf("data-testid=\"home-card-link\"", StringComparison.Ordinal);
        Assert.True(link >= 0, $"no link on the {key} card");
        var anchor = rest.LastIndexOf("<a ", link, StringComparison.Ordinal);
        var href = HrefPattern().Match(rest[anchor..]);
        Assert.True(href.Success, $"no href on the {key} card's link");
        return new HomeCardView(Text(FigurePattern(), rest, key), Text(CaptionPattern(), rest, key), WebUtility.HtmlDecode(href.Groups[1].Value));
    }

    private static string Text(Regex pattern, string markup, string key)
    {
        var match = pattern.Match(markup);
        Assert.True(match.Success, $"no {pattern} on the {key} card");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    [GeneratedRegex("data-testid=\"home-card-figure\"[^>]*>([^<]*)<")]
    private static partial Regex FigurePattern();

    [GeneratedRegex("data-testid=\"home-card-caption\"[^>]*>([^<]*)<")]
    private static partial Regex CaptionPattern();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();
}
