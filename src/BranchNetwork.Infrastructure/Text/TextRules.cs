using System.Globalization;
using System.Resources;
using BranchNetwork.SharedKernel;
using FluentValidation;
using FluentValidation.Validators;

namespace BranchNetwork.Infrastructure.Text;

/// <summary>
/// Rules for names and codes shared by every module (ADR 0018). A name or a code is shown to other people as the
/// identity of something (a unit, a person, a scheme, an indicator): it may not carry bidirectional controls, which
/// would make it display as something else. Free text is not refused; the mediator strips them from it instead.
/// </summary>
public static class TextRules
{
    private static readonly ResourceManager Platform = new("BranchNetwork.Infrastructure.Resources.PlatformText", typeof(TextRules).Assembly);

    /// <summary>The refusal of a bidirectional control in a name or code, in the user's language.</summary>
    public static string BidiControlMessage => Platform.GetString("bidi_control", CultureInfo.CurrentUICulture) ?? "Names and codes may not contain text-direction control characters.";

    /// <summary>Refuses bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) in a name or code.</summary>
    public static IRuleBuilderOptions<T, TText> NoBidiControls<T, TText>(this IRuleBuilder<T, TText> rule) =>
        rule.SetValidator(new NoBidiControlsValidator<T, TText>());
}

/// <summary>The validator behind <see cref="TextRules.NoBidiControls{T, TText}"/>; a test finds it on every name and code field by its type.</summary>
public sealed class NoBidiControlsValidator<T, TText> : PropertyValidator<T, TText>
{
    public override string Name => "NoBidiControlsValidator";

    public override bool IsValid(ValidationContext<T> context, TText value) => !TextGuard.HasBidiControl(value as string);

    protected override string GetDefaultMessageTemplate(string errorCode) => TextRules.BidiControlMessage;
}
