using BranchNetwork.Modules.Identity.Pages.Account;

// Deliberate violations, only here to show that each rule can fail. Never copy these.
namespace BranchNetwork.ArchitectureTests.Fixtures.ModuleReachingIntoIdentity
{
    internal sealed class ReachesIntoAnotherModule
    {
        public Login? Page { get; set; }
    }
}

namespace BranchNetwork.ArchitectureTests.Fixtures.HostReachingIntoAModule
{
    internal sealed class UsesAModulePage
    {
        public BranchNetwork.Modules.Assessment.Pages.AssessmentPageBase? Page { get; set; }
    }

    internal sealed class ListsTheModuleClass
    {
        public BranchNetwork.SharedKernel.Modules.IModule Module { get; } = new BranchNetwork.Modules.Assessment.AssessmentModule();
    }
}

namespace BranchNetwork.ArchitectureTests.Fixtures.PublicInModule
{
    public sealed class NeedlesslyPublic;

    public sealed class InjectsTheMediator : Microsoft.AspNetCore.Components.ComponentBase
    {
        [Microsoft.AspNetCore.Components.Inject]
        private Mediator.ISender Sender { get; set; } = default!;

        public override string ToString() => Sender.ToString()!;
    }

#pragma warning disable CA1852 // deliberately unsealed
    internal class OpenToInheritanceHandler;
#pragma warning restore CA1852
}
