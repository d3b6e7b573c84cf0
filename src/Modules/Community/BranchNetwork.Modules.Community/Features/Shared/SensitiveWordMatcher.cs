using System.Globalization;
using System.Text;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>A word of the list as the matcher uses it: its normalised form and action.</summary>
internal sealed record SensitiveWordRule(string Word, string Normalized, SensitiveWordAction Action);

/// <summary>What one text met: the words found (each once) and the text with the mask words' characters replaced by ＊.</summary>
internal sealed record SensitiveWordScan(IReadOnlyList<SensitiveWordRule> Found, string Masked)
{
    public bool Blocks => Found.Any(f => f.Action == SensitiveWordAction.Block);

    public bool Holds => Found.Any(f => f.Action == SensitiveWordAction.Hold);
}

/// <summary>
/// The sensitive-word matcher (CM-4). Texts and words are compared in a normal form: each character NFKC-normalised
/// (full-width ｖｉｏｌａｔｅ and half-width violate are one), lower-cased, and only letters and digits kept — so
/// spaces or symbols put between the characters (违 规, 违*规, v.i.o.l.a.t.e) do not hide a word. Every kept character
/// remembers where it came from, so a masked word's own characters are replaced by ＊ in the original text (the
/// symbols between them stay). In HTML (sanitised bodies) only text is read and masked: tags are skipped whole and an
/// entity (&amp;amp;, &amp;nbsp;) counts as a separator, so masking never breaks markup, and a word split by a tag
/// (违&lt;b&gt;规&lt;/b&gt;) is still found.
/// </summary>
internal static class SensitiveWordMatcher
{
    public const char MaskChar = '＊';

    /// <summary>The form a word is stored and compared in; empty when it has no letter or digit.</summary>
    public static string Normalize(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var (c, _, _) in Characters(word, html: false))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }

    public static SensitiveWordScan Scan(string text, IReadOnlyList<SensitiveWordRule> words, bool html)
    {
        if (words.Count == 0 || text.Length == 0)
        {
            return new SensitiveWordScan([], text);
        }

        var kept = Characters(text, html).ToList();
        var normal = new string([.. kept.Select(k => k.Char)]);
        var found = new List<SensitiveWordRule>();
        var mask = new bool[text.Length];
        var masking = false;
        foreach (var word in words)
        {
            if (word.Normalized.Length == 0)
            {
                continue;
            }

            var at = normal.IndexOf(word.Normalized, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            found.Add(word);
            if (word.Action != SensitiveWordAction.Mask)
            {
                continue;
            }

            for (; at >= 0; at = normal.IndexOf(word.Normalized, at + 1, StringComparison.Ordinal))
            {
                for (var i = at; i < at + word.Normalized.Length; i++)
                {
                    var (_, start, length) = kept[i];
                    for (var j = start; j < start + length; j++)
                    {
                        mask[j] = true;
                        masking = true;
                    }
                }
            }
        }

        return new SensitiveWordScan(found, masking ? Apply(text, mask) : text);
    }

    /// <summary>Replaces each masked original character (a surrogate pair counts as one) by ＊.</summary>
    private static string Apply(string text, bool[] mask)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!mask[i])
            {
                builder.Append(text[i]);
                continue;
            }

            builder.Append(MaskChar);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        return builder.ToString();
    }

    /// <summary>The letters and digits of the text in normal form, each with the span of the original it came from.</summary>
    private static IEnumerable<(char Char, int Start, int Length)> Characters(string text, bool html)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (html && text[i] == '<')
            {
                var close = text.IndexOf('>', i + 1);
                i = close < 0 ? text.Length : close + 1;
                continue;
            }

            if (html && text[i] == '&')
            {
                var semicolon = text.IndexOf(';', i + 1);
                if (semicolon > i && semicolon - i <= 10)
                {
                    i = semicolon + 1;
                    continue;
                }
            }

            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                i++;
                continue;
            }

            var length = rune.Utf16SequenceLength;
            var normal = rune.ToString().Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
            foreach (var part in normal.EnumerateRunes())
            {
                if (!Rune.IsLetterOrDigit(part))
                {
                    continue;
                }

                foreach (var c in part.ToString())
                {
                    yield return (c, i, length);
                }
            }

            i += length;
        }
    }
}
