namespace BranchNetwork.Modules.Resources.Domain;

/// <summary>
/// What the requester writes (RR-1). People: <see cref="Quantity"/> persons (人) for <see cref="DurationDays"/> days;
/// money: <see cref="Amount"/> in CNY (元, two decimals) under a <see cref="BudgetCategory"/>; material:
/// <see cref="Quantity"/> of <see cref="ItemName"/> counted in <see cref="Unit"/>. The links to an indicator of the
/// sub-branch's sheet and a measure of its work plan are optional; the handler checks them through the other modules'
/// contracts and copies their names.
/// </summary>
internal sealed record RequestContent(
    string Title,
    string Justification,
    decimal? Quantity,
    string? Unit,
    int? DurationDays,
    string? ItemName,
    decimal? Amount,
    string? BudgetCategory,
    DateOnly NeededBy,
    RequestLink? Indicator,
    RequestLink? Measure)
{
    public const int TitleMaxLength = 100;
    public const int JustificationMaxLength = 2_000;
    public const int UnitMaxLength = 10;
    public const int ItemNameMaxLength = 100;
    public const int BudgetCategoryMaxLength = 50;
    public const int MaxPeople = 1_000;
    public const int MaxDurationDays = 366;
    public const decimal MaxQuantity = 1_000_000m;

    /// <summary>Checks the content for a request of <paramref name="kind"/>; every problem is reported by its field (400).</summary>
    public void Check(ResourceKind kind, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(Title) || Title.Length > TitleMaxLength)
        {
            Add("title", DomainText.Format("TitleInvalid", TitleMaxLength));
        }

        if (string.IsNullOrWhiteSpace(Justification) || Justification.Length > JustificationMaxLength)
        {
            Add("justification", DomainText.Format("JustificationInvalid", JustificationMaxLength));
        }

        if (NeededBy < today)
        {
            Add("neededBy", DomainText.Get("NeededByPast"));
        }

        switch (kind)
        {
            case ResourceKind.People:
                if (Quantity is not { } people || people < 1 || people > MaxPeople || people != decimal.Truncate(people))
                {
                    Add("quantity", DomainText.Format("PeopleInvalid", MaxPeople));
                }

                if (DurationDays is { } days && (days < 1 || days > MaxDurationDays))
                {
                    Add("durationDays", DomainText.Format("DurationInvalid", MaxDurationDays));
                }

                break;
            case ResourceKind.Money:
                if (Amount is not { } amount || amount <= 0 || amount > ApprovalRoute.MaxAmount || decimal.Round(amount, 2) != amount)
                {
                    Add("amount", DomainText.Get("AmountInvalid"));
                }

                if (string.IsNullOrWhiteSpace(BudgetCategory) || BudgetCategory.Length > BudgetCategoryMaxLength)
                {
                    Add("budgetCategory", DomainText.Format("BudgetCategoryInvalid", BudgetCategoryMaxLength));
                }

                break;
            case ResourceKind.Material:
                if (string.IsNullOrWhiteSpace(ItemName) || ItemName.Length > ItemNameMaxLength)
                {
                    Add("itemName", DomainText.Format("ItemNameInvalid", ItemNameMaxLength));
                }

                if (Quantity is not { } quantity || quantity <= 0 || quantity > MaxQuantity || decimal.Round(quantity, 2) != quantity)
                {
                    Add("quantity", DomainText.Get("QuantityInvalid"));
                }

                if (string.IsNullOrWhiteSpace(Unit) || Unit.Length > UnitMaxLength)
                {
                    Add("unit", DomainText.Format("UnitInvalid", UnitMaxLength));
                }

                break;
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    /// <summary>What is asked, in the request's own measure: persons, yuan or the item's unit.</summary>
    public decimal Asked(ResourceKind kind) => (kind == ResourceKind.Money ? Amount : Quantity) ?? 0m;
}

/// <summary>A link to another module's item (an indicator, a work-plan measure) with its name copied when linked.</summary>
internal sealed record RequestLink(Guid Id, string Name)
{
    public const int NameMaxLength = 200;
}

/// <summary>A file attached to a request (Files module), by id and name.</summary>
internal sealed record RequestAttachment(Guid FileId, string Name);

/// <summary>A person as the request shows them: id and display name (支行01行长), never the login name.</summary>
internal sealed record Person(Guid UserId, string Name);

/// <summary>
/// A step of the route as it applies to one request: approvers resolved to people, the leader's step added for money
/// above the threshold. The route preview shows exactly these; submitting copies them onto the request.
/// </summary>
internal sealed record PlannedStep(string Name, StepMode Mode, IReadOnlyList<Person> Approvers, IReadOnlyList<Person> Cc, int DueWorkingDays, bool IsLeaderStep);

/// <summary>The due time of a step started at a moment, so many working days of the bank calendar later.</summary>
internal delegate DateTime StepDueAt(DateTime startedAtUtc, int workingDays);
