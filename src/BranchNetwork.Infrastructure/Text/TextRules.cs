using System.Globalization;
using System.Resources;
using BranchNetwork.SharedKernel;
using FluentValidation;
using FluentValidation.Validators;

namespace BranchNetwork.Infrastructure.Text;

/// <summary>
/// Rules for names and codes shared by every module (ADR 0018). A name or a code is shown to other people as the
/// identity of something (a unit, a person, a scheme, an indicator): it may not carry bidirectional controls, which
/// would make it display as something else, nor control characters (line breaks, tabs, escapes), which no name needs and
/// which break exports and other people's screens. Free text is not refused; the mediator strips bidi controls from it.
/// </summary>
public static class TextRules
{
    private static readonly ResourceManager Platform = new("BranchNetwork.Infrastructure.Resources.PlatformText", typeof(TextRules).Assembly);

    /// <summary>The refusal of a bidirectional control in a name or code, in the user's language.</summary>
    public static string BidiControlMessage => Platform.GetString("bidi_control", CultureInfo.CurrentUICulture) ?? "Names and codes may not contain text-direction control characters.";

    /// <summary>
    /// Refuses control characters (U+0000–U+001F, U+007F–U+009F) and bidirectional controls (U+202A–U+202E,
    /// U+2066–U+2069, U+200E, U+200F, U+061C) in a name or code.
    /// </summary>
    public static IRuleBuilderOptions<T, TText> NoControlCharacters<T, TText>(this IRuleBuilder<T, TText> rule) =>
        rule.SetValidator(new NoControlCharactersValidator<T, TText>());
}

/// <summary>The validator behind <see cref="TextRules.NoControlCharacters{T, TText}"/>; a test finds it on every name and code field by its type.</summary>
public sealed class NoControlCharactersValidator<T, TText> : PropertyValidator<T, TText>
{
    public override string Name => "NoControlCharactersValidator";

    public override bool IsValid(ValidationContext<T> context, TText value) =>
        value is not string text || (!TextGuard.HasBidiControl(text) && !text.Any(char.IsControl));

    protected override string GetDefaultMessageTemplate(string errorCode) => TextRules.BidiControlMessage;
}
