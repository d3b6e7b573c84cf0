using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.CreateOrgUnit;

[AllowedRoles(BankRoles.SystemAdmin)]
internal sealed record CreateOrgUnitCommand(string Code, string Name, OrgUnitKind Kind, Guid? ParentId) : ICommand<OrgUnitInfo>;

internal sealed class CreateOrgUnitValidator : AbstractValidator<CreateOrgUnitCommand>
{
    public CreateOrgUnitValidator(IStringLocalizer<IdentityText> text)
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(OrgUnit.CodeMaxLength).Matches("^[A-Za-z0-9-]+$").WithMessage(text["UnitCodeFormat"]).NoControlCharacters();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(OrgUnit.NameMaxLength).NoControlCharacters();
        RuleFor(c => c.Kind).IsInEnum();
    }
}

internal sealed class CreateOrgUnitHandler(IdentityDbContext db, IStringLocalizer<IdentityText> text) : ICommandHandler<CreateOrgUnitCommand, OrgUnitInfo>
{
    public async ValueTask<OrgUnitInfo> Handle(CreateOrgUnitCommand command, CancellationToken cancellationToken)
    {
        var parent = command.ParentId is { } parentId ? await db.GetUnitOr404Async(parentId, text, cancellationToken, "parentId") : null;
        if (!OrgUnit.IsAllowedUnder(command.Kind, parent?.Kind))
        {
            throw new ValidationFailedException("parentId", text["UnitParentInvalid"]);
        }

        if (command.Kind == OrgUnitKind.HeadOffice && await db.OrgUnits.AnyAsync(u => u.Kind == OrgUnitKind.HeadOffice, cancellationToken))
        {
            throw new ValidationFailedException("kind", text["HeadOfficeExists"]);
        }

        var code = command.Code.Trim().ToUpperInvariant();
        if (await db.OrgUnits.AnyAsync(u => u.Code == code, cancellationToken))
        {
            throw new ValidationFailedException("code", text["UnitCodeTaken"]);
        }

        var unit = new OrgUnit(code, command.Name.Trim(), command.Kind, parent);
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return unit.ToInfo();
    }
}
