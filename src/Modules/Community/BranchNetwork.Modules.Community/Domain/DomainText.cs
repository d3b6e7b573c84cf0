using System.Globalization;
using System.Resources;
using BranchNetwork.Modules.Community.Resources;

namespace BranchNetwork.Modules.Community.Domain;

/// <summary>The module's strings for the domain's refusals, in the caller's UI culture, without a localizer in every entity.</summary>
internal static class DomainText
{
    private static readonly ResourceManager Resources = new(typeof(CommunityText));

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>409 <c>community.wrong_state</c>: the record's state does not allow the change.</summary>
    public static ConflictException WrongState(string key) => new("community.wrong_state", Get(key));

    /// <summary>400 with the message under <paramref name="field"/>.</summary>
    public static ValidationFailedException Invalid(string field, string key, params object[] args) =>
        new(field, args.Length == 0 ? Get(key) : Format(key, args));
}
