using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.RenameOrgUnit;

/// <summary>Renames a unit. <see cref="Version"/> is the version the editor saw: a stale one is a 409, never a lost update.</summary>
[AllowedRoles(BankRoles.SystemAdmin)]
internal sealed record RenameOrgUnitCommand(Guid UnitId, string Name, long Version) : ICommand<OrgUnitInfoWithVersion>;

internal sealed record OrgUnitInfoWithVersion(Guid Id, string Code, string Name, OrgUnitKind Kind, Guid? ParentId, long Version);

internal sealed class RenameOrgUnitValidator : AbstractValidator<RenameOrgUnitCommand>
{
    public RenameOrgUnitValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(OrgUnit.NameMaxLength).NoControlCharacters();
        RuleFor(c => c.Version).GreaterThan(0);
    }
}

internal sealed class RenameOrgUnitHandler(IdentityDbContext db, IStringLocalizer<IdentityText> text)
    : ICommandHandler<RenameOrgUnitCommand, OrgUnitInfoWithVersion>
{
    public async ValueTask<OrgUnitInfoWithVersion> Handle(RenameOrgUnitCommand command, CancellationToken cancellationToken)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == command.UnitId, cancellationToken)
            ?? throw new NotFoundException("identity.unit_not_found", text["UnitNotFound"]);

        // Compare against the version the editor saw; EF then checks it again in the UPDATE itself.
        db.Entry(unit).Property(u => u.Version).OriginalValue = command.Version;
        unit.Rename(command.Name.Trim());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("concurrency_conflict", text["UnitChangedMeanwhile"]);
        }

        return new OrgUnitInfoWithVersion(unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId, unit.Version);
    }
}
