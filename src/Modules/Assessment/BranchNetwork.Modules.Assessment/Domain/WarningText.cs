using System.Globalization;
using System.Text.Json;

namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>
/// A rule-raised warning's text as a resource key of AssessmentText and its arguments (AS-6). The warning keeps both,
/// so each reader sees it in their own language; numbers are formatted once, invariantly, as the resources show them.
/// </summary>
internal sealed record WarningText(string Key, IReadOnlyList<string> Args)
{
    /// <summary>The bank's language: the text kept for search and export beside the key.</summary>
    public static readonly CultureInfo BankCulture = CultureInfo.GetCultureInfo("zh-CN");

    public static WarningText Behind(string indicator, decimal completion, decimal timeProgress) =>
        new("WarningBehind", [indicator, Percent(completion), Percent(timeProgress), Percent(timeProgress - completion)]);

    public static WarningText BottomRank(int rank, int of, decimal total) =>
        new("WarningBottomRank", [rank.ToString(CultureInfo.InvariantCulture), of.ToString(CultureInfo.InvariantCulture), total.ToString("0.##", CultureInfo.InvariantCulture)]);

    public static WarningText NoProgress(string indicator, int days) =>
        new("WarningNoProgress", [indicator, days.ToString(CultureInfo.InvariantCulture)]);

    public string Render(CultureInfo culture) =>
        string.Format(culture, DomainText.Get(Key, culture), [.. Args]);

    public string ArgsJson() => JsonSerializer.Serialize(Args);

    /// <summary>The text a reader sees: the key rendered in the current UI culture, or the words as written.</summary>
    public static string Show(string? key, string? argsJson, string message)
    {
        if (key is null || argsJson is null)
        {
            return message;
        }

        try
        {
            var args = JsonSerializer.Deserialize<List<string>>(argsJson);
            return args is null ? message : new WarningText(key, args).Render(CultureInfo.CurrentUICulture);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            // A key or arguments that no longer fit the resource: the text as written still says what happened.
            return message;
        }
    }

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.#", CultureInfo.InvariantCulture);
}
