using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BranchNetwork.Modules.Community.Pages.Threads;

/// <summary>
/// Turns what the editor's text area holds into the safe HTML subset the server accepts (CM-1): every character is
/// encoded first, then a few marks become markup — <c>**粗体**</c>, lines starting <c>- </c> (a list) or <c>&gt; </c> (a
/// quote), <c>[文字](https://…)</c> (a link) and <c>![图片](/files/{id})</c> (an uploaded image). The server sanitises
/// whatever arrives anyway; this only spares the user from writing HTML.
/// </summary>
internal static partial class PostComposer
{
    public static string ToHtml(string? text)
    {
        var html = new StringBuilder();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? open = null;
        void Close()
        {
            if (open is not null)
            {
                html.Append(open == "ul" ? "</ul>" : "</blockquote>");
                open = null;
            }
        }

        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (open != "ul")
                {
                    Close();
                    html.Append("<ul>");
                    open = "ul";
                }

                html.Append("<li>").Append(Inline(line[2..])).Append("</li>");
            }
            else if (line.StartsWith("> ", StringComparison.Ordinal) || line == ">")
            {
                if (open != "quote")
                {
                    Close();
                    html.Append("<blockquote>");
                    open = "quote";
                }

                html.Append("<p>").Append(Inline(line.Length > 2 ? line[2..] : "")).Append("</p>");
            }
            else
            {
                Close();
                if (line.Trim().Length > 0)
                {
                    html.Append("<p>").Append(Inline(line)).Append("</p>");
                }
            }
        }

        Close();
        return html.ToString();
    }

    /// <summary>The editor's text of an image uploaded to the app.</summary>
    public static string ImageMark(string src) => $"![图片]({src})";

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = Image().Replace(encoded, m => $"<img src=\"{m.Groups[2].Value}\" alt=\"{m.Groups[1].Value}\">");
        encoded = Link().Replace(encoded, m => $"<a href=\"{m.Groups[2].Value}\">{m.Groups[1].Value}</a>");
        return Bold().Replace(encoded, m => $"<b>{m.Groups[1].Value}</b>");
    }

    [GeneratedRegex(@"!\[([^\]]*)\]\((/files/[0-9a-fA-F-]{36})\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^\s)]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
