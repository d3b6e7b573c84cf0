using System.Globalization;
using BranchNetwork.Modules.Resources.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BranchNetwork.Modules.Resources.Pages.Requests;

/// <summary>Public because Blazor components must be; its members stay assembly-private. What the requests area's pages share: strings and formats.</summary>
public abstract class RequestsPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<ResourcesText> T { get; set; } = default!;

    private protected string Text(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, T[key], args);

    private protected static string Day(DateOnly day) => ChinaTime.ToDisplay(day);

    private protected static string Time(DateTime utc) => ChinaTime.ToDisplay(utc);

    private protected static string Money(decimal value) => "¥" + value.ToString("#,0.00", CultureInfo.InvariantCulture);

    private protected static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>What is asked or granted, in the request's measure: ¥80,000.00, 2 人, 50 箱.</summary>
    private protected static string Figure(ResourceKind kind, decimal? value, string? unit) =>
        value is not { } v ? "—" : kind == ResourceKind.Money ? Money(v) : $"{Number(v)} {unit}".Trim();

    private protected string KindText(ResourceKind kind) => T[$"Kind_{kind}"];

    private protected string StateText(RequestState state) => T[$"State_{state}"];

    private protected static Color StateColor(RequestState state) => state switch
    {
        RequestState.Draft => Color.Default,
        RequestState.Submitted or RequestState.InReview => Color.Info,
        RequestState.Returned => Color.Warning,
        RequestState.Approved or RequestState.Fulfilled => Color.Success,
        RequestState.PartiallyApproved => Color.Primary,
        RequestState.Rejected => Color.Error,
        _ => Color.Dark,
    };
}
