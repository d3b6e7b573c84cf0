using System.Globalization;

namespace BranchNetwork.Modules.WorkLogs.Domain;

/// <summary>
/// 日志模板 (WL-1): the typed fields a position fills in every day on top of the free text — e.g. an account manager's
/// customers visited (number) and products sold (choice). One active template per position; the template without a
/// position is everyone else's. A log keeps a copy of the fields it was written with, so changing or retiring a template
/// never rewrites what was submitted.
/// </summary>
internal sealed class LogTemplate : Entity
{
    public const int NameMaxLength = 50;
    public const int PositionMaxLength = 50;
    public const int DescriptionMaxLength = 500;
    public const int MaxFields = 20;

    private List<TemplateField> fields = [];

    // For EF Core.
    private LogTemplate()
    {
        Name = "";
    }

    public string Name { get; private set; }

    /// <summary>The position (岗位) whose members use it; null for the default template.</summary>
    public string? Position { get; private set; }

    public string? Description { get; private set; }

    public bool IsRetired { get; private set; }

    public IReadOnlyList<TemplateField> Fields => fields;

    public static LogTemplate Create(string name, string? position, string? description, IReadOnlyList<TemplateField> fields)
    {
        var template = new LogTemplate();
        template.Change(name, position, description, fields);
        return template;
    }

    public void Change(string name, string? position, string? description, IReadOnlyList<TemplateField> newFields)
    {
        if (IsRetired)
        {
            throw DomainText.WrongState("TemplateRetired");
        }

        CheckFields(newFields);
        Name = name.Trim();
        Position = string.IsNullOrWhiteSpace(position) ? null : position.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        fields = [.. newFields.Select(f => f with { Label = f.Label.Trim(), Unit = string.IsNullOrWhiteSpace(f.Unit) ? null : f.Unit.Trim() })];
    }

    public void Retire()
    {
        if (IsRetired)
        {
            throw DomainText.WrongState("TemplateRetired");
        }

        IsRetired = true;
    }

    private static void CheckFields(IReadOnlyList<TemplateField> fields)
    {
        if (fields.Count > MaxFields)
        {
            throw new ValidationFailedException("fields", DomainText.Format("TooManyFields", MaxFields));
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (!IsKey(field.Key))
            {
                throw new ValidationFailedException($"fields[{i}].key", DomainText.Get("FieldKeyInvalid"));
            }

            if (fields.Take(i).Any(f => f.Key == field.Key))
            {
                throw new ValidationFailedException($"fields[{i}].key", DomainText.Format("FieldKeyTwice", field.Key));
            }

            if (field.Type == TemplateFieldType.Choice && (field.Choices is not { Count: > 0 } choices || choices.Any(string.IsNullOrWhiteSpace) || choices.Distinct().Count() != choices.Count))
            {
                throw new ValidationFailedException($"fields[{i}].choices", DomainText.Get("ChoicesNeeded"));
            }
        }
    }

    // ^[a-z][a-z0-9_]{0,39}$ by hand: a generated regex adds a type in a namespace every module shares, which the
    // module-boundary architecture test cannot tell apart from another module's internals.
    private static bool IsKey(string key) =>
        key.Length is > 0 and <= TemplateField.KeyMaxLength
        && char.IsAsciiLetterLower(key[0])
        && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}

/// <summary>One typed field of a template. <see cref="Choices"/> only for <see cref="TemplateFieldType.Choice"/>.</summary>
internal sealed record TemplateField(string Key, string Label, TemplateFieldType Type, bool Required, IReadOnlyList<string>? Choices, string? Unit)
{
    public const int KeyMaxLength = 40;
    public const int LabelMaxLength = 50;
    public const int UnitMaxLength = 10;
    public const int TextValueMaxLength = 200;
    public const int MaxChoices = 30;

    /// <summary>
    /// The value as stored (numbers invariant, dates yyyy-MM-dd), or an error message in the caller's language when it
    /// does not fit the type. Empty means "not filled"; a required field must be filled to submit, not to save a draft.
    /// </summary>
    public (string? Value, string? Error) Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, null);
        }

        var value = raw.Trim();
        return Type switch
        {
            TemplateFieldType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? (number.ToString(CultureInfo.InvariantCulture), null)
                : (null, DomainText.Format("FieldNotNumber", Label)),
            TemplateFieldType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                : (null, DomainText.Format("FieldNotDate", Label)),
            TemplateFieldType.Choice => Choices?.Contains(value, StringComparer.Ordinal) == true
                ? (value, null)
                : (null, DomainText.Format("FieldNotAChoice", Label)),
            _ => value.Length <= TextValueMaxLength
                ? (value, null)
                : (null, DomainText.Format("FieldTooLong", Label, TextValueMaxLength)),
        };
    }
}
