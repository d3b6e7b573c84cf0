using System.Globalization;
using BranchNetwork.SharedKernel.Localization;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Web;

/// <summary>
/// Role names as people read them (支行行长, not SubBranchHead) on any module's page: the names live in the Identity
/// module's resources, reached through the text resource it registers (prefix <c>identity</c>), so a page outside
/// Identity does not reach into that module. Public because Blazor components inject it.
/// </summary>
public sealed class RoleNames(IEnumerable<ModuleTextResource> resources, IStringLocalizerFactory factory)
{
    private readonly IStringLocalizer? identity = resources.FirstOrDefault(r => r.Prefix == "identity") is { } text ? factory.Create(text.ResourceType) : null;

    /// <summary>The role's name in the reader's language; the code name only for a role without one.</summary>
    public string Of(string role) => identity?[$"Role_{role}"] is { ResourceNotFound: false } name ? name.Value : role;

    /// <summary>Several roles, joined the way the reader's language lists things (、 in Chinese).</summary>
    public string Of(IEnumerable<string> roles) =>
        string.Join(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? "、" : ", ", roles.Select(Of));
}
