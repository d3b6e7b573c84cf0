using System.Text;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>
/// How text is cut for the search index (CM-1 search): Chinese has no word boundaries, so every run of letters and digits
/// is cut into overlapping two-character grams (贷款利率 → 贷款, 款利, 利率), plus its last character alone so that a
/// one-character query finds it too. Text is folded first (full-width to half-width, lower case), so ＡＢＣ finds abc.
/// A query is cut the same way; a post matches when it holds every gram of the query, and then the text itself is checked.
/// </summary>
internal static class Bigrams
{
    /// <summary>At most this many distinct grams a query is cut into (a longer query is refused: 400 on <c>q</c>).</summary>
    public const int MaxQueryGrams = 16;

    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>The distinct grams of <paramref name="text"/> as stored in the index.</summary>
    public static HashSet<string> Of(string? text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in Runs(text))
        {
            AddRun(grams, run);
        }

        return grams;
    }

    /// <summary>
    /// The grams a query must find: the bigrams of each run, or for a one-character run the character (any gram starting
    /// with it matches), in a stable order.
    /// </summary>
    public static IReadOnlyList<string> OfQuery(string? query)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in Runs(query))
        {
            if (run.Length == 1)
            {
                grams.Add(run);
                continue;
            }

            for (var i = 0; i + 1 < run.Length; i++)
            {
                grams.Add(run.Substring(i, 2));
            }
        }

        return [.. grams.Order(StringComparer.Ordinal)];
    }

    /// <summary>The runs of letters and digits of the folded text.</summary>
    public static IEnumerable<string> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inRun = i < folded.Length && char.IsLetterOrDigit(folded[i]) && !char.IsSurrogate(folded[i]);
            if (inRun && start < 0)
            {
                start = i;
            }
            else if (!inRun && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    private static void AddRun(HashSet<string> grams, string run)
    {
        for (var i = 0; i + 1 < run.Length; i++)
        {
            grams.Add(run.Substring(i, 2));
        }

        grams.Add(run[^1..]);
    }
}
