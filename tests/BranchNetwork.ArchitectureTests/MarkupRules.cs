using System.Text.RegularExpressions;

namespace BranchNetwork.ArchitectureTests;

/// <summary>
/// Issue 9, finding 1: no page renders text as markup unless it went through the sanitiser. Every use of
/// <c>MarkupString</c> (a cast or <c>new</c>), <c>AddMarkupContent</c> and <c>Html.Raw</c> in a <c>.razor</c>,
/// <c>.cs</c> or <c>.cshtml</c> file under <c>src/</c> must wrap, as the whole expression, a call of the sanitiser
/// (<c>…Sanitizer.Sanitize(…)</c>, i.e. <c>Ganss.Xss.IHtmlSanitizer</c>) or of a <c>SafeHtml.…(…)</c> helper.
/// Anything else — a variable, a property, a sanitised value with more text appended — fails, so a reviewer
/// sees every markup sink and the reason it is safe.
/// </summary>
public sealed partial class MarkupRules
{
    [Fact]
    public void Every_markup_sink_under_src_renders_only_sanitised_html()
    {
        var violations = Violations(SourceFiles()).ToList();

        Assert.True(violations.Count == 0, "Markup rendered without the sanitiser:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_markup_rule_fails_for_raw_casts_constructors_builders_and_appended_text_and_passes_sanitised_ones()
    {
        var found = Violations(MarkupRulesFixtures.Samples).Select(v => v.Split(':')[0]).ToHashSet(StringComparer.Ordinal);

        foreach (var bad in MarkupRulesFixtures.Bad)
        {
            Assert.Contains(bad, found);
        }

        foreach (var good in MarkupRulesFixtures.Good)
        {
            Assert.DoesNotContain(good, found);
        }
    }

    /// <summary>"file:line: text" for each markup sink whose argument is not a whole sanitiser call.</summary>
    internal static IEnumerable<string> Violations(IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            var lines = text.Split('\n');
            for (var number = 0; number < lines.Length; number++)
            {
                var line = lines[number];
                foreach (Match sink in Sink().Matches(line))
                {
                    if (!IsSanitised(line, sink))
                    {
                        yield return $"{path}:{number + 1}: {line.Trim()}";
                    }
                }
            }
        }
    }

    /// <summary>The .razor, .cs and .cshtml files under src (build output excluded).</summary>
    internal static IEnumerable<(string Path, string Text)> SourceFiles()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "BranchNetwork.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var src = Path.Combine(root.FullName, "src");
        return Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(f => (Path.GetRelativePath(root.FullName, f), File.ReadAllText(f)));
    }

    /// <summary>What follows the sink must be a sanitiser call, and nothing may follow that call but the sink's own close.</summary>
    private static bool IsSanitised(string line, Match sink)
    {
        var rest = line[(sink.Index + sink.Length)..];
        var call = SanitiserCall().Match(rest);
        if (!call.Success)
        {
            return false;
        }

        // Find the parenthesis that closes the sanitiser's argument list.
        var depth = 1;
        var at = call.Length;
        for (; at < rest.Length && depth > 0; at++)
        {
            depth += rest[at] switch { '(' => 1, ')' => -1, _ => 0 };
        }

        if (depth != 0)
        {
            // The argument goes on over several lines: accept only when the sink's line ends inside the call.
            return true;
        }

        var after = rest[at..].TrimStart();
        return after.Length == 0 || after[0] is ')' or ';' or ',' || after.StartsWith("</", StringComparison.Ordinal);
    }

    /// <summary>A cast to MarkupString, a new MarkupString, AddMarkupContent's content argument, Html.Raw.</summary>
    [GeneratedRegex(@"\(\s*(?:Microsoft\.AspNetCore\.Components\.)?MarkupString\s*\)\s*|new\s+(?:Microsoft\.AspNetCore\.Components\.)?MarkupString\s*\(\s*|AddMarkupContent\s*\(\s*[^,]+,\s*|Html\.Raw\s*\(\s*|\bMarkupString\b")]
    private static partial Regex Sink();

    [GeneratedRegex(@"^(?:[\w\.]*[Ss]anitizer\.Sanitize|SafeHtml\.\w+)\s*\(")]
    private static partial Regex SanitiserCall();
}
