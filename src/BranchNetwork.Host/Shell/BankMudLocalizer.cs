using BranchNetwork.Host.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BranchNetwork.Host.Shell;

/// <summary>
/// MudBlazor's own texts (screen-reader labels such as "Toggle {0}" on a menu group, "Increment" on a number field,
/// pager and date-picker buttons) in the reader's language: a Chinese reader heard "Toggle 考核督导". Keys are
/// MudBlazor's, prefixed <c>Mud_</c> in SharedText; a key without a translation keeps MudBlazor's English text.
/// </summary>
internal sealed class BankMudLocalizer(IStringLocalizer<SharedText> text) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        text["Mud_" + key] is { ResourceNotFound: false } found ? new LocalizedString(key, found.Value) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        text["Mud_" + key, arguments] is { ResourceNotFound: false } found ? new LocalizedString(key, found.Value) : new LocalizedString(key, key, resourceNotFound: true);
}
