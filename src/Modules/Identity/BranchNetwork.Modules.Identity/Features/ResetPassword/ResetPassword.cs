using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using BranchNetwork.Modules.Identity.Services;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.ResetPassword;

/// <summary>SystemAdmin sets a new password (e.g. after a user forgot it); any lockout is lifted and the old sessions end at once.</summary>
[AllowedRoles(BankRoles.SystemAdmin)]
internal sealed record ResetPasswordCommand(Guid UserId, string NewPassword) : ICommand<UserSummary>;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator() => RuleFor(c => c.NewPassword).NotEmpty().MaximumLength(128);
}

internal sealed class ResetPasswordHandler(IdentityDbContext db, UserManager<BankUser> users, UserSessions sessions, IClock clock, IStringLocalizer<IdentityText> text)
    : ICommandHandler<ResetPasswordCommand, UserSummary>
{
    public async ValueTask<UserSummary> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await db.GetUserOr404Async(command.UserId, text, cancellationToken);
        foreach (var validator in users.PasswordValidators)
        {
            (await validator.ValidateAsync(users, user, command.NewPassword)).ThrowIfFailed("newPassword");
        }

        db.SessionRevocations.Add(new SessionRevocation(user.Id, clock.UtcNow));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        (await users.ResetPasswordAsync(user, token, command.NewPassword)).ThrowIfFailed("newPassword");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.SignInThrottles.Where(t => t.AccountKey == user.NormalizedUserName).ExecuteDeleteAsync(cancellationToken);
        sessions.Ended(user.Id);
        return await db.SummaryAsync(user.Id, cancellationToken);
    }
}
