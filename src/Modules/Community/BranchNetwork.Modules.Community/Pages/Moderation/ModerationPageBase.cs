using System.Globalization;
using BranchNetwork.Modules.Community.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Community.Pages.Moderation;

/// <summary>Public because Blazor components must be; its members stay assembly-private. What the moderation and anonymity pages share: their strings and formats.</summary>
public abstract class ModerationPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<ModerationText> L { get; set; } = default!;

    private protected string Text(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, L[key], args);

    private protected static string Time(DateTime utc) => ChinaTime.ToDisplay(utc);
}
