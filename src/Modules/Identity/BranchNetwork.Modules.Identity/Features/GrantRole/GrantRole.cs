using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.GrantRole;

/// <summary>SecurityAdmin grants or revokes a role. 三员分立: SystemAdmin, SecurityAdmin and Auditor never meet on one account.</summary>
[AllowedRoles(BankRoles.SecurityAdmin)]
internal sealed record ChangeRoleCommand(Guid UserId, string Role, bool Grant) : ICommand<UserSummary>;

internal sealed class ChangeRoleValidator : AbstractValidator<ChangeRoleCommand>
{
    public ChangeRoleValidator(IStringLocalizer<IdentityText> text) =>
        RuleFor(c => c.Role).NotEmpty().MaximumLength(64).Must(BankRoles.IsKnown).WithMessage(text["RoleUnknown"]).NoControlCharacters();
}

internal sealed class ChangeRoleHandler(IdentityDbContext db, UserManager<BankUser> users, ICurrentUser currentUser, IStringLocalizer<IdentityText> text)
    : ICommandHandler<ChangeRoleCommand, UserSummary>
{
    public async ValueTask<UserSummary> Handle(ChangeRoleCommand command, CancellationToken cancellationToken)
    {
        var user = await db.GetUserOr404Async(command.UserId, text, cancellationToken);
        var held = await users.GetRolesAsync(user);

        if (command.Grant)
        {
            if (held.Contains(command.Role))
            {
                return await db.SummaryAsync(user.Id, cancellationToken);
            }

            var clash = SeparationOfDuties.Conflict(held, command.Role);
            if (clash is not null)
            {
                throw new ValidationFailedException("role", string.Format(text["SeparationOfDuties"], command.Role, clash));
            }

            (await users.AddToRoleAsync(user, command.Role)).ThrowIfFailed("role");
        }
        else
        {
            if (user.Id == currentUser.UserId && command.Role == BankRoles.SecurityAdmin)
            {
                throw new ConflictException("identity.cannot_revoke_own_security_admin", text["CannotRevokeOwnSecurityAdmin"]);
            }

            if (!held.Contains(command.Role))
            {
                throw new NotFoundException("identity.role_not_held", text["RoleNotHeld"]);
            }

            (await users.RemoveFromRoleAsync(user, command.Role)).ThrowIfFailed("role");
        }

        // Role changes take effect on the user's cookie at the next validation.
        await users.UpdateSecurityStampAsync(user);
        return await db.SummaryAsync(user.Id, cancellationToken);
    }
}

/// <summary>三员分立 (ORG-2): the rule on its own, so it is unit-tested without a database.</summary>
internal static class SeparationOfDuties
{
    /// <summary>The exclusive role the user already holds that forbids <paramref name="newRole"/>, or null.</summary>
    public static string? Conflict(IEnumerable<string> heldRoles, string newRole) =>
        BankRoles.MutuallyExclusive.Contains(newRole)
            ? heldRoles.FirstOrDefault(r => r != newRole && BankRoles.MutuallyExclusive.Contains(r))
            : null;
}
