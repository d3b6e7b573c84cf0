using System.Globalization;
using BranchNetwork.Modules.Community.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Community.Pages.Feed;

/// <summary>Public because Blazor components must be; its members stay assembly-private. What the feed, search, discussion and poll pages share: strings and formats.</summary>
public abstract class FeedPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<FeedText> T { get; set; } = default!;

    private protected string Text(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, T[key], args);

    private protected static string Time(DateTime utc) => ChinaTime.ToDisplay(utc);
}
