using System.Globalization;
using System.Text;

namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>A band of the banded rule: from this completion upwards the indicator earns <see cref="Factor"/> × weight.</summary>
internal sealed record ScoreBand(decimal MinCompletion, decimal Factor);

/// <summary>
/// How completion turns into a share of the weight (AS-8). Stored on the indicator and copied to the
/// scheme when the indicator is added, so a published scheme's scoring cannot change under it.
/// </summary>
internal sealed record ScoringRule(ScoringRuleKind Kind, decimal Cap, decimal Floor, decimal? MinimumCompletion, IReadOnlyList<ScoreBand> Bands)
{
    public const decimal DefaultCap = 1.2m;
    public const int BandsTextMaxLength = 400;

    public static readonly ScoringRule Default = new(ScoringRuleKind.Ratio, DefaultCap, 0m, null, []);

    /// <summary>The share of the weight earned at <paramref name="completion"/>.</summary>
    public decimal Factor(decimal completion)
    {
        var clamped = Math.Clamp(completion, Floor, Cap);
        return Kind switch
        {
            ScoringRuleKind.Threshold => completion < (MinimumCompletion ?? 0m) ? 0m : clamped,
            ScoringRuleKind.Banded => BandFactor(completion),
            _ => clamped,
        };
    }

    private decimal BandFactor(decimal completion)
    {
        var factor = 0m;
        foreach (var band in Bands)
        {
            if (completion >= band.MinCompletion && band.Factor > factor)
            {
                factor = band.Factor;
            }
        }

        return factor;
    }

    /// <summary>Bands as text for storage: <c>0.6:0.5;0.8:0.8;1:1</c> (completion:factor, ascending).</summary>
    public static string FormatBands(IEnumerable<ScoreBand> bands)
    {
        var text = new StringBuilder();
        foreach (var band in bands.OrderBy(b => b.MinCompletion))
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(band.MinCompletion.ToString(CultureInfo.InvariantCulture)).Append(':').Append(band.Factor.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static IReadOnlyList<ScoreBand> ParseBands(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split(':'))
            .Select(pair => new ScoreBand(decimal.Parse(pair[0], CultureInfo.InvariantCulture), decimal.Parse(pair[1], CultureInfo.InvariantCulture)))
            .OrderBy(b => b.MinCompletion)
            .ToList();
    }
}
