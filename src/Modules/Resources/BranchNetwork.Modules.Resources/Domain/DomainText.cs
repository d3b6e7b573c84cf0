using System.Globalization;
using System.Resources;
using BranchNetwork.Modules.Resources.Resources;

namespace BranchNetwork.Modules.Resources.Domain;

/// <summary>The module's strings for the domain's refusals, in the caller's UI culture, without a localizer in every entity.</summary>
internal static class DomainText
{
    private static readonly ResourceManager Resources = new(typeof(ResourcesText));

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>409 <c>resources.wrong_state</c>: the record's state does not allow the change.</summary>
    public static ConflictException WrongState(string key) => new("resources.wrong_state", Get(key));
}
