using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>The fields of a board's settings, as the create and change requests carry them.</summary>
internal interface IBoardSettingsFields
{
    string Name { get; }

    string? Description { get; }

    string? Rules { get; }

    string? WelcomeMessage { get; }

    BoardAudienceKind AudienceKind { get; }

    Guid? AudienceUnitId { get; }

    ReviewMode ReviewMode { get; }

    bool AllowsAnonymous { get; }

    int? ExpiryDays { get; }

    ExpiryAction ExpiryAction { get; }

    int SortOrder { get; }
}

/// <summary>The settings' lengths and enums, before the handler (400 on the field).</summary>
internal class BoardSettingsValidator<T> : AbstractValidator<T>
    where T : IBoardSettingsFields
{
    public BoardSettingsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage(_ => DomainText.Format("BoardNameInvalid", Board.NameMaxLength))
            .MaximumLength(Board.NameMaxLength).WithMessage(_ => DomainText.Format("BoardNameInvalid", Board.NameMaxLength));
        RuleFor(c => c.Name).Must(CommunityTexts.IsPlainText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
        RuleFor(c => c.Description).Must(CommunityTexts.IsFreeText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
        RuleFor(c => c.Rules).Must(CommunityTexts.IsMultilineText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
        RuleFor(c => c.WelcomeMessage).Must(CommunityTexts.IsMultilineText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
        RuleFor(c => c.Description).MaximumLength(Board.DescriptionMaxLength).WithMessage(_ => DomainText.Format("TextTooLong", Board.DescriptionMaxLength));
        RuleFor(c => c.Rules).MaximumLength(Board.RulesMaxLength).WithMessage(_ => DomainText.Format("TextTooLong", Board.RulesMaxLength));
        RuleFor(c => c.WelcomeMessage).MaximumLength(Board.WelcomeMaxLength).WithMessage(_ => DomainText.Format("TextTooLong", Board.WelcomeMaxLength));
        RuleFor(c => c.AudienceKind).IsInEnum().WithMessage(_ => DomainText.Get("AudienceUnitInvalid"));
        RuleFor(c => c.ReviewMode).IsInEnum().WithMessage(_ => DomainText.Get("ReviewModeInvalid"));
        RuleFor(c => c.ExpiryAction).IsInEnum().WithMessage(_ => DomainText.Get("ExpiryActionInvalid"));
        RuleFor(c => c.ExpiryDays).InclusiveBetween(1, Board.MaxExpiryDays).When(c => c.ExpiryDays is not null)
            .WithMessage(_ => DomainText.Format("ExpiryDaysInvalid", Board.MaxExpiryDays));
        RuleFor(c => c.SortOrder).InclusiveBetween(-10_000, 10_000).WithMessage(_ => DomainText.Get("SortOrderInvalid"));
    }
}

/// <summary>What a text field may hold: names and titles no control or direction characters; multi-line texts line breaks and tabs.</summary>
internal static class CommunityTexts
{
    public static bool IsPlainText(string? text) => text is null || (!TextGuard.HasBidiControl(text) && !text.Any(char.IsControl));

    public static bool IsMultilineText(string? text) => text is null || (!TextGuard.HasBidiControl(text) && IsFreeText(text));

    public static bool IsFreeText(string? text) => text is null || !text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
}

/// <summary>A board's audience unit checked against the organisation: a sub-branch for a sub-branch board, a business line for a business-line board.</summary>
internal static class BoardAudience
{
    public static async Task<BoardSettings> SettingsAsync(IOrganisationDirectory directory, IBoardSettingsFields f, CancellationToken ct)
    {
        var unitId = f.AudienceKind == BoardAudienceKind.WholeBranch ? null : f.AudienceUnitId;
        if (f.AudienceKind != BoardAudienceKind.WholeBranch)
        {
            var wanted = f.AudienceKind == BoardAudienceKind.SubBranch ? OrgUnitKind.SubBranch : OrgUnitKind.BusinessLine;
            var unit = unitId is { } id ? await directory.FindUnitAsync(id, ct) : null;
            if (unit is null || unit.Kind != wanted || unit.IsRetired)
            {
                throw DomainText.Invalid("audienceUnitId", "AudienceUnitInvalid");
            }
        }

        return new BoardSettings(
            f.Name, f.Description ?? "", f.Rules ?? "", f.WelcomeMessage ?? "", f.AudienceKind, unitId, f.ReviewMode, f.AllowsAnonymous,
            f.ExpiryDays, f.ExpiryAction, f.SortOrder);
    }
}
