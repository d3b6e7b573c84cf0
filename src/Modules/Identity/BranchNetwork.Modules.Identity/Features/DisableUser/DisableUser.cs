using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using BranchNetwork.Modules.Identity.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;

namespace BranchNetwork.Modules.Identity.Features.DisableUser;

/// <summary>
/// Disables or re-enables an account. Disabling ends every session of the user at once: access and refresh
/// tokens are revoked, cookies fail their next request, open circuits and hub connections close (ADR 0017).
/// </summary>
[AllowedRoles(BankRoles.SystemAdmin)]
internal sealed record SetUserActiveCommand(Guid UserId, bool Active) : ICommand<UserSummary>;

internal sealed class SetUserActiveHandler(
    IdentityDbContext db,
    UserManager<BankUser> users,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    ICurrentUser currentUser,
    UserSessions sessions,
    IClock clock,
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
        // The revocation row is saved with the new stamp: other nodes read it and drop the user's cached state.
        db.SessionRevocations.Add(new SessionRevocation(user.Id, clock.UtcNow));
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed("userId");
        if (!command.Active)
        {
            var subject = user.Id.ToString();
            await tokens.RevokeBySubjectAsync(subject, cancellationToken);
            await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        }

        sessions.Ended(user.Id);

        return await db.SummaryAsync(user.Id, cancellationToken);
    }
}
