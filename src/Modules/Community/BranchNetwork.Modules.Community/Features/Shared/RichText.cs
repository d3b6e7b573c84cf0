using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>
/// The one way user HTML enters the community (CM-1): a safe subset — paragraphs, bold, italics, lists, links (http,
/// https, mailto), quotes, code, and images uploaded to the app (<c>/files/{id}</c>). Harmless markup outside the subset
/// (a pasted <c>div</c> or <c>span</c>) is unwrapped; anything that could run — script, frames, forms, event-handler
/// attributes, <c>javascript:</c> or <c>data:</c> addresses, images from elsewhere — refuses the whole text with a field
/// error, so nothing is stored and the author learns why.
/// </summary>
internal static partial class RichText
{
    public const int MaxLength = BoardThread.BodyMaxLength;

    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "b", "strong", "i", "em", "u", "s", "ul", "ol", "li", "a", "blockquote", "img", "code", "pre", "h3", "h4",
    };

    private static readonly HashSet<string> DangerousTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta", "base", "form",
        "input", "button", "textarea", "select", "svg", "math", "template", "noscript", "xml",
    };

    /// <summary>Sanitises <paramref name="html"/> for <paramref name="field"/>; 400 on empty, oversized or unsafe input.</summary>
    public static SafeHtml Sanitize(string? html, string field = "body")
    {
        html ??= "";
        if (html.Length > MaxLength)
        {
            throw DomainText.Invalid(field, "BodyTooLong", MaxLength);
        }

        var unsafeFound = false;
        var sanitizer = NewSanitizer(() => unsafeFound = true);
        var clean = sanitizer.Sanitize(html).Trim();
        if (unsafeFound)
        {
            throw DomainText.Invalid(field, "BodyUnsafe");
        }

        var text = PlainText(clean);
        if (text.Length == 0 && !clean.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            throw DomainText.Invalid(field, "BodyEmpty");
        }

        return new SafeHtml(clean, text);
    }

    /// <summary>
    /// A sanitiser of the safe subset; <paramref name="onUnsafe"/> is told of anything that could run (a dangerous tag, an
    /// event handler, an address of another scheme, an image from elsewhere).
    /// </summary>
    internal static HtmlSanitizer NewSanitizer(Action onUnsafe)
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = AllowedTags,
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "rel", "target" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        })
        {
            KeepChildNodes = true,
        };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DangerousTags.Contains(e.Tag.NodeName))
            {
                onUnsafe();
            }
        };
        sanitizer.RemovingAttribute += (_, e) =>
        {
            if (e.Attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || e.Reason == RemoveReason.NotAllowedUrlValue)
            {
                onUnsafe();
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Images only from the app's own file store: an outside image would tell another server who read the post.
            if (e.Node is AngleSharp.Dom.IElement { NodeName: "IMG" } img && !IsOwnFile(img.GetAttribute("src")))
            {
                onUnsafe();
                img.Remove();
            }

            if (e.Node is AngleSharp.Dom.IElement { NodeName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
                link.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }

    /// <summary>The text of sanitised HTML: blocks on their own lines, entities decoded, runs of blank space folded.</summary>
    public static string PlainText(string html)
    {
        var withBreaks = BlockEnd().Replace(html, "\n");
        var text = WebUtility.HtmlDecode(Tag().Replace(withBreaks, ""));
        return Spaces().Replace(text, " ").Trim();
    }

    private static bool IsOwnFile(string? src) =>
        src is not null && OwnFile().IsMatch(src);

    [GeneratedRegex(@"</(p|li|blockquote|pre|h3|h4)>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^/files/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex OwnFile();
}

/// <summary>
/// Sanitises stored post HTML once more as a page renders it (the markup rule: no sink without the sanitiser): what was
/// stored already passed <see cref="RichText.Sanitize"/>, so this only guards against a row changed outside the app.
/// </summary>
internal static class PostHtmlSanitizer
{
    public static string Sanitize(string storedHtml) => RichText.NewSanitizer(() => { }).Sanitize(storedHtml);
}
