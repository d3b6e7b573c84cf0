using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.CreateUser;

/// <summary>SystemAdmin opens an account in a unit. New accounts hold the Staff role; other roles are granted by SecurityAdmin.</summary>
[AllowedRoles(BankRoles.SystemAdmin)]
internal sealed record CreateUserCommand(string UserName, string DisplayName, Guid UnitId, string? Position, string Password) : ICommand<UserSummary>;

internal sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator(IStringLocalizer<IdentityText> text)
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9._@-]+$").WithMessage(text["UserNameFormat"]).NoControlCharacters();
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(BankUser.DisplayNameMaxLength).NoControlCharacters();
        RuleFor(c => c.UnitId).NotEmpty();
        RuleFor(c => c.Position).MaximumLength(BankUser.PositionMaxLength).NoControlCharacters();
        RuleFor(c => c.Password).NotEmpty().MaximumLength(128);
    }
}

internal sealed class CreateUserHandler(IdentityDbContext db, UserManager<BankUser> users, IClock clock, IStringLocalizer<IdentityText> text)
    : ICommandHandler<CreateUserCommand, UserSummary>
{
    public async ValueTask<UserSummary> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        await db.GetUnitOr404Async(command.UnitId, text, cancellationToken);
        if (await users.FindByNameAsync(command.UserName) is not null)
        {
            throw new ValidationFailedException("userName", text["UserNameTaken"]);
        }

        var user = new BankUser
        {
            UserName = command.UserName,
            DisplayName = command.DisplayName.Trim(),
            UnitId = command.UnitId,
            Position = command.Position?.Trim(),
            CreatedAtUtc = clock.UtcNow,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        (await users.CreateAsync(user, command.Password)).ThrowIfFailed("password");
        (await users.AddToRoleAsync(user, BankRoles.Staff)).ThrowIfFailed("roles");
        await transaction.CommitAsync(cancellationToken);
        return await db.SummaryAsync(user.Id, cancellationToken);
    }
}
