using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Identity.Features.ImportUsers;

/// <summary>SystemAdmin imports accounts from a CSV file, all or nothing.</summary>
[AllowedRoles(BankRoles.SystemAdmin)]
[RequestBodyLimit(ImportUsersEndpoint.MaxFileBytes + RequestBodyLimitAttribute.MultipartOverhead)]
internal sealed record ImportUsersCommand(byte[] Content) : ICommand<ImportUsersResult>;

internal sealed class ImportUsersHandler(UserCsvImporter importer) : ICommandHandler<ImportUsersCommand, ImportUsersResult>
{
    public async ValueTask<ImportUsersResult> Handle(ImportUsersCommand command, CancellationToken cancellationToken)
    {
        return await importer.ImportAsync(command.Content, cancellationToken);
    }
}
