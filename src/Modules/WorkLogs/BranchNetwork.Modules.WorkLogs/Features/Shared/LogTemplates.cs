using BranchNetwork.Infrastructure.Text;
using FluentValidation;

namespace BranchNetwork.Modules.WorkLogs.Features.Shared;

/// <summary>A template field as the template editor sends it.</summary>
internal sealed record TemplateFieldInput(string Key, string Label, TemplateFieldType Type, bool Required, IReadOnlyList<string>? Choices, string? Unit);

internal sealed record TemplateView(Guid Id, string Name, string? Position, string? Description, bool IsRetired, IReadOnlyList<TemplateField> Fields, long Version);

/// <summary>The logs area's template rules shared by creating and changing a template.</summary>
internal static class LogTemplates
{
    public static TemplateView ToView(LogTemplate t) => new(t.Id, t.Name, t.Position, t.Description, t.IsRetired, t.Fields, t.Version);

    public static IReadOnlyList<TemplateField> Fields(IReadOnlyList<TemplateFieldInput> inputs) =>
        [.. inputs.Select(f => new TemplateField(f.Key, f.Label, f.Type, f.Required, f.Type == TemplateFieldType.Choice ? [.. (f.Choices ?? []).Select(c => c.Trim())] : null, f.Unit))];

    /// <summary>One active template per position (and one default): 409 <c>worklogs.template_position_taken</c>.</summary>
    public static async Task EnsurePositionFreeAsync(WorkLogsDbContext db, string? position, Guid? except, CancellationToken ct)
    {
        var normalised = string.IsNullOrWhiteSpace(position) ? null : position.Trim();
        if (await db.Templates.AnyAsync(t => !t.IsRetired && t.Position == normalised && t.Id != except, ct))
        {
            throw new ConflictException("worklogs.template_position_taken", normalised is null ? DomainText.Get("Logs_DefaultTemplateTaken") : DomainText.Format("Logs_PositionTemplateTaken", normalised));
        }
    }

    public static async Task<LogTemplate> FindAsync(WorkLogsDbContext db, Guid id, CancellationToken ct) =>
        await db.Templates.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("worklogs.template_not_found", DomainText.Get("Logs_TemplateNotFound"));
}

/// <summary>What creating and changing a template both carry.</summary>
internal interface ITemplateInput
{
    string Name { get; }

    string? Position { get; }

    string? Description { get; }

    IReadOnlyList<TemplateFieldInput> Fields { get; }
}

/// <summary>
/// The limits of a template's name, position, description and fields (400 field by field). The create and change
/// validators derive from it rather than include it, so that each command's own descriptor lists the rules (the
/// platform's scan for unguarded name fields reads descriptors).
/// </summary>
internal abstract class TemplateInputValidator<T> : AbstractValidator<T>
    where T : ITemplateInput
{
    protected TemplateInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => DomainText.Get("Logs_TemplateNameRequired"))
            .MaximumLength(LogTemplate.NameMaxLength).WithMessage(_ => DomainText.Format("Logs_TooLong", LogTemplate.NameMaxLength)).NoControlCharacters();
        RuleFor(x => x.Position)
            .MaximumLength(LogTemplate.PositionMaxLength).WithMessage(_ => DomainText.Format("Logs_TooLong", LogTemplate.PositionMaxLength)).NoControlCharacters();
        RuleFor(x => x.Description)
            .MaximumLength(LogTemplate.DescriptionMaxLength).WithMessage(_ => DomainText.Format("Logs_TooLong", LogTemplate.DescriptionMaxLength))
            .Must(LogTexts.IsFreeText).WithMessage(_ => DomainText.Get("Logs_NoControlCharacters"));
        RuleFor(x => x.Fields).NotNull().WithMessage(_ => DomainText.Get("Logs_FieldsRequired"))
            .Must(f => f is null || f.Count <= LogTemplate.MaxFields).WithMessage(_ => DomainText.Format("TooManyFields", LogTemplate.MaxFields));
        RuleForEach(x => x.Fields).NotNull().WithMessage(_ => DomainText.Get("Logs_FieldsRequired")).ChildRules(field =>
        {
            field.RuleFor(f => f.Key).NotEmpty().WithMessage(_ => DomainText.Get("FieldKeyInvalid"))
                .MaximumLength(TemplateField.KeyMaxLength).WithMessage(_ => DomainText.Get("FieldKeyInvalid")).NoControlCharacters();
            field.RuleFor(f => f.Label).NotEmpty().WithMessage(_ => DomainText.Get("Logs_FieldLabelRequired"))
                .MaximumLength(TemplateField.LabelMaxLength).WithMessage(_ => DomainText.Format("Logs_TooLong", TemplateField.LabelMaxLength)).NoControlCharacters();
            field.RuleFor(f => f.Type).IsInEnum().WithMessage(_ => DomainText.Get("Logs_FieldTypeInvalid"));
            field.RuleFor(f => f.Unit).MaximumLength(TemplateField.UnitMaxLength).WithMessage(_ => DomainText.Format("Logs_TooLong", TemplateField.UnitMaxLength)).NoControlCharacters();
            field.RuleFor(f => f.Choices).Must(c => c is null || c.Count <= TemplateField.MaxChoices).WithMessage(_ => DomainText.Format("Logs_TooManyChoices", TemplateField.MaxChoices));
            field.RuleForEach(f => f.Choices).NotEmpty().WithMessage(_ => DomainText.Get("ChoicesNeeded"))
                .MaximumLength(ChoiceMaxLength).WithMessage(_ => DomainText.Format("Logs_TooLong", ChoiceMaxLength)).NoControlCharacters();
        });
    }

    public const int ChoiceMaxLength = 50;
}
