namespace BranchNetwork.Modules.WorkLogs.Features.Shared;

/// <summary>The logs area's text checks: what a log's texts and a line's note may carry.</summary>
internal static class LogTexts
{
    /// <summary>Free text keeps line breaks and tabs; other control characters break exports and screens.</summary>
    public static bool IsFreeText(string? text) => text is null || !text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');

    /// <summary>A short note shown in one line: no control characters and no text-direction controls.</summary>
    public static bool IsPlainText(string? text) => text is null || (!TextGuard.HasBidiControl(text) && !text.Any(char.IsControl));

    public static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
