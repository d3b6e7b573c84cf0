using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using Mediator;

namespace BranchNetwork.Modules.Identity.Features.ImportUsers;

/// <summary>SystemAdmin imports accounts from a CSV file, all or nothing.</summary>
internal sealed record ImportUsersCommand(byte[] Content) : ICommand<ImportUsersResult>;

internal sealed class ImportUsersHandler(UserCsvImporter importer, ICurrentUser currentUser) : ICommandHandler<ImportUsersCommand, ImportUsersResult>
{
    public async ValueTask<ImportUsersResult> Handle(ImportUsersCommand command, CancellationToken cancellationToken)
    {
        currentUser.EnsureAnyRole(BankRoles.SystemAdmin);
        return await importer.ImportAsync(command.Content, cancellationToken);
    }
}
