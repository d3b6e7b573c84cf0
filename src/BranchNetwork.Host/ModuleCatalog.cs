using BranchNetwork.Modules.Assessment;
using BranchNetwork.Modules.Audit;
using BranchNetwork.Modules.Files;
using BranchNetwork.Modules.Identity;
using BranchNetwork.Modules.Notifications;
using BranchNetwork.SharedKernel.Modules;

namespace BranchNetwork.Host;

/// <summary>Every module of the monolith, in start-up order. A new module adds one line here.</summary>
internal static class ModuleCatalog
{
    public static readonly IReadOnlyList<IModule> Modules =
    [
        new IdentityModule(),
        new NotificationsModule(),
        new AuditModule(),
        new FilesModule(),
        new AssessmentModule(),
    ];
}
