using BranchNetwork.Modules.Assessment;
using BranchNetwork.Modules.Audit;
using BranchNetwork.Modules.Community;
using BranchNetwork.Modules.Files;
using BranchNetwork.Modules.Identity;
using BranchNetwork.Modules.Notifications;
using BranchNetwork.Modules.Resources;
using BranchNetwork.Modules.Tasks;
using BranchNetwork.Modules.WorkLogs;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Modules;

namespace BranchNetwork.Host;

/// <summary>
/// Every module of the monolith, in start-up order: the one place the host names modules (with their project
/// references in the Host's .csproj). Everything else — services, endpoints, pages, navigation, home cards, texts,
/// jobs — comes from each module's <see cref="IModule"/>. See docs/adding-a-module.md.
/// </summary>
internal static class ModuleCatalog
{
    /// <summary>A development-only test hook: assembly-qualified names of extra <see cref="IModule"/> types to load.</summary>
    public const string ExtraModulesSetting = "Modules:Extra";

    public static readonly IReadOnlyList<IModule> Modules =
    [
        new IdentityModule(),
        new NotificationsModule(),
        new AuditModule(),
        new FilesModule(),
        new AssessmentModule(),
        new TasksModule(),
        new WorkLogsModule(),
        new ResourcesModule(),
        new CommunityModule(),
    ];

    /// <summary>
    /// The mediator over every module's requests and handlers. Mediator's source generator reads this list at compile
    /// time, so it cannot be derived from <see cref="Modules"/>: a new module adds its <see cref="IModule"/> type here as
    /// well. A contracts assembly joins the list when some module handles its events (ADR 0006); the generator refuses
    /// events nobody handles, such as Assessment's until a module handles them. Tasks' contracts are here because
    /// Assessment turns write-offs and excellent plans into progress and honours.
    /// </summary>
    public static IServiceCollection AddModuleMediator(this IServiceCollection services) =>
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(IdentityModule), typeof(NotificationsModule), typeof(Modules.Notifications.Contracts.AnnouncementPublished), typeof(AuditModule), typeof(Infrastructure.Auditing.AuditTrailRecorded), typeof(FilesModule), typeof(AssessmentModule), typeof(Modules.Tasks.Contracts.WeeklyTaskWrittenOff), typeof(TasksModule), typeof(WorkLogsModule), typeof(ResourcesModule), typeof(CommunityModule)];
            // Authorisation first: a caller without the role learns nothing from validation messages. Free text loses
            // its bidirectional controls after validation has refused them in names and codes (ADR 0018).
            options.PipelineBehaviors = [typeof(Infrastructure.Requests.AuthorizationBehavior<,>), typeof(ValidationBehavior<,>), typeof(TextNeutralisationBehavior<,>)];
        });

    /// <summary>
    /// The modules this app runs: the catalog, plus in Development the types named by <see cref="ExtraModulesSetting"/>
    /// (tests plug a sample module in this way to prove a module needs nothing else from the host).
    /// </summary>
    public static LoadedModules Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var extra = environment.IsDevelopment()
            ? configuration.GetSection(ExtraModulesSetting).GetChildren().Select(c => c.Value).OfType<string>()
                .Select(name => (IModule)Activator.CreateInstance(Type.GetType(name, throwOnError: true)!)!)
            : [];
        return new LoadedModules([.. Modules, .. extra]);
    }
}

/// <summary>The modules of this app instance, for the shell (routes, navigation, home cards) and the jobs.</summary>
internal sealed class LoadedModules(IReadOnlyList<IModule> modules)
{
    public IReadOnlyList<IModule> All { get; } = modules;

    public System.Reflection.Assembly[] Assemblies { get; } = modules.Select(m => m.Assembly).Distinct().ToArray();
}
