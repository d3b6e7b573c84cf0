using System.Globalization;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Community.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Community.Pages.Threads;

/// <summary>Public because Blazor components must be; its members stay assembly-private. What the boards and threads pages share: strings and formats.</summary>
public abstract class ThreadsPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<ThreadsText> T { get; set; } = default!;

    private protected string Text(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, T[key], args);

    private protected static string Time(DateTime? utc) => utc is { } t ? ChinaTime.ToDisplay(t) : "";

    private protected string AudienceText(BoardAudienceKind kind, string unitName) =>
        kind == BoardAudienceKind.WholeBranch ? T["Audience_WholeBranch"] : Text("Audience_" + kind, unitName);

    private protected string ReviewText(ReviewMode mode) => T["Review_" + mode];

    private protected string StateText(PostState state) => T["State_" + state];

    /// <summary>The author as the read model gives it: a pseudonym for anonymous content (CM-3), never more.</summary>
    private protected static string AuthorText(AuthorDto author) => author.Name;
}
