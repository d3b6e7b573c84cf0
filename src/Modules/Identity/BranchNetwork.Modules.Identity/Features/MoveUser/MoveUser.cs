using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.MoveUser;

/// <summary>Moves a user to another unit; the organisational scope follows at the next request.</summary>
[AllowedRoles(BankRoles.SystemAdmin)]
internal sealed record MoveUserCommand(Guid UserId, Guid UnitId, string? Position) : ICommand<UserSummary>;

internal sealed class MoveUserValidator : AbstractValidator<MoveUserCommand>
{
    public MoveUserValidator()
    {
        RuleFor(c => c.UnitId).NotEmpty();
        RuleFor(c => c.Position).MaximumLength(Domain.BankUser.PositionMaxLength).NoControlCharacters();
    }
}

internal sealed class MoveUserHandler(IdentityDbContext db, IStringLocalizer<IdentityText> text) : ICommandHandler<MoveUserCommand, UserSummary>
{
    public async ValueTask<UserSummary> Handle(MoveUserCommand command, CancellationToken cancellationToken)
    {
        var user = await db.GetUserOr404Async(command.UserId, text, cancellationToken);
        var unit = await db.GetUnitOr404Async(command.UnitId, text, cancellationToken);
        user.UnitId = unit.Id;
        if (command.Position is not null)
        {
            user.Position = command.Position.Trim();
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(cancellationToken);
        return await db.SummaryAsync(user.Id, cancellationToken);
    }
}
