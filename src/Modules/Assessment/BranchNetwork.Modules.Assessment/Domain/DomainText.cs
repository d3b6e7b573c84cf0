using System.Globalization;
using System.Resources;
using BranchNetwork.Modules.Assessment.Resources;

namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>
/// The module's strings for the domain's refusals: the same resources (and so the same words, in the caller's UI
/// culture) the handlers' <c>IStringLocalizer&lt;AssessmentText&gt;</c> reads, without a localizer in every entity.
/// </summary>
internal static class DomainText
{
    private static readonly ResourceManager Resources = new(typeof(AssessmentText));

    public static string Get(string key) => Get(key, CultureInfo.CurrentUICulture);

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>409 <c>assessment.wrong_status</c>: the record's state does not allow the change.</summary>
    public static ConflictException WrongStatus(string key) => new("assessment.wrong_status", Get(key));
}
