using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using BranchNetwork.SharedKernel.Localization;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Notifications.Services;

/// <summary>
/// Renders a notification's title and body in a reader's language: <c>prefix:Key</c> resolves through the
/// <see cref="ModuleTextResource"/> each module registers, arguments fill {0}, {1}… as plain text. Literal
/// notifications (announcements) come back unchanged.
/// </summary>
internal sealed class NotificationText
{
    /// <summary>Stored args stay readable (Chinese as is); they are data, never written into HTML unencoded.</summary>
    private static readonly JsonSerializerOptions ArgsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const int ArgMaxLength = 200;

    private readonly Dictionary<string, IStringLocalizer> localizers = new(StringComparer.Ordinal);

    public NotificationText(IEnumerable<ModuleTextResource> resources, IStringLocalizerFactory factory)
    {
        foreach (var resource in resources)
        {
            localizers.TryAdd(resource.Prefix, factory.Create(resource.ResourceType));
        }
    }

    public static string? SerializeArgs(IReadOnlyList<string> args) =>
        args.Count == 0 ? null : JsonSerializer.Serialize(args.Select(a => a.Length <= ArgMaxLength ? a : a[..ArgMaxLength]).ToArray(), ArgsJson);

    /// <summary>The title as the current UI culture reads it.</summary>
    public string Title(Notification n) => n.TitleKey is null ? n.Title : Render(n.TitleKey, n.TitleArgs) ?? n.Title;

    /// <summary>The body as the current UI culture reads it.</summary>
    public string Body(Notification n) => n.BodyKey is null ? n.Body : Render(n.BodyKey, n.BodyArgs) ?? n.Body;

    /// <summary>Renders in <paramref name="culture"/> (for a push, when no request carries the reader's language).</summary>
    public static T In<T>(CultureInfo culture, Func<T> render)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = current;
        }
    }

    /// <summary>The text of <paramref name="key"/> with its arguments in the current UI culture; null when the key is unknown.</summary>
    public string? Render(string key, string? argsJson)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !localizers.TryGetValue(key[..colon], out var localizer))
        {
            return null;
        }

        var text = localizer[key[(colon + 1)..]];
        if (text.ResourceNotFound)
        {
            return null;
        }

        var args = argsJson is null ? [] : JsonSerializer.Deserialize<string[]>(argsJson) ?? [];
        try
        {
            return args.Length == 0 ? text.Value : string.Format(CultureInfo.CurrentCulture, text.Value, args);
        }
        catch (FormatException)
        {
            // A resource expecting more arguments than were sent: show the text rather than fail the whole inbox.
            return text.Value;
        }
    }
}
