using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Files.Features.DownloadFile;
using BranchNetwork.Modules.Files.Jobs;
using BranchNetwork.Modules.Files.Storage;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Validation messages name fields through this module's FieldName_* keys (SharedKernel FieldNames).
[assembly: BranchNetwork.SharedKernel.Localization.FieldNames(typeof(BranchNetwork.Modules.Files.Resources.FilesText))]

namespace BranchNetwork.Modules.Files;

/// <summary>
/// The platform file store (ADR 0014): attachments for every module, on disk or in the database, typed by
/// content, limited per purpose, downloaded only through the owning module's <see cref="IFileAccessPolicy"/>.
/// </summary>
internal sealed class FilesModule : IModule
{
    public string Name => FilesDbContext.Module;

    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddModuleDbContext<FilesDbContext>(Name, FilesDbContext.Schema);
        services.AddModuleOutbox<FilesDbContext>(Name);
        services.AddOptions<FilesOptions>().Bind(builder.Configuration.GetSection(FilesOptions.Section))
            .Validate(o => Enum.IsDefined(o.Store), "Files:Store must be Disk or Database.")
            .Validate(o => o.OrphanAfterHours > 0, "Files:OrphanAfterHours must be positive.")
            .ValidateOnStart();
        services.AddSingleton<DiskBlobStore>();
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<DiskBlobStore>());
        services.AddScoped<IBlobStore, DatabaseBlobStore>();
        services.AddScoped<IFileStore, FileStore>();
        services.AddScoped<DeleteOrphanFilesJob>();
    }

    /// <summary>The orphan sweep (<c>Files:OrphanSweepCron</c>, hourly by default).</summary>
    public IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) =>
    [
        new(
            DeleteOrphanFilesJob.Id,
            configuration.GetSection(FilesOptions.Section).Get<FilesOptions>()?.OrphanSweepCron ?? new FilesOptions().OrphanSweepCron,
            BankCalendar.Zone,
            (services, ct) => services.GetRequiredService<DeleteOrphanFilesJob>().RunAsync(ct)),
    ];

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/files").WithTags("Files").RequireAuthorization(AuthPolicies.Api);
        DownloadFileEndpoint.MapApi(api);
        DownloadFileEndpoint.MapForPages(endpoints);
    }
}
