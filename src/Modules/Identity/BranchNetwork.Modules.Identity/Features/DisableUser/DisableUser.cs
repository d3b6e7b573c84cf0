using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;

namespace BranchNetwork.Modules.Identity.Features.DisableUser;

/// <summary>Disables or re-enables an account. Disabling revokes every token and cookie of the user at once.</summary>
[AllowedRoles(BankRoles.SystemAdmin)]
internal sealed record SetUserActiveCommand(Guid UserId, bool Active) : ICommand<UserSummary>;

internal sealed class SetUserActiveHandler(
    IdentityDbContext db,
    UserManager<BankUser> users,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    ICurrentUser currentUser,
    IStringLocalizer<IdentityText> text) : ICommandHandler<SetUserActiveCommand, UserSummary>
{
    public async ValueTask<UserSummary> Handle(SetUserActiveCommand command, CancellationToken cancellationToken)
    {
        var user = await db.GetUserOr404Async(command.UserId, text, cancellationToken);
        if (!command.Active && user.Id == currentUser.UserId)
        {
            throw new ConflictException("identity.cannot_disable_self", text["CannotDisableSelf"]);
        }

        user.IsActive = command.Active;
        // A new stamp invalidates existing cookies at their next validation.
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed("userId");
        if (!command.Active)
        {
            var subject = user.Id.ToString();
            await tokens.RevokeBySubjectAsync(subject, cancellationToken);
            await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        }

        return await db.SummaryAsync(user.Id, cancellationToken);
    }
}
