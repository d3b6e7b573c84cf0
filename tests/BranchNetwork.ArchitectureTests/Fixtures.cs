using BranchNetwork.Modules.Identity.Pages.Account;

// Deliberate violations, only here to show that each rule can fail. Never copy these.
namespace BranchNetwork.ArchitectureTests.Fixtures.ModuleReachingIntoIdentity
{
    internal sealed class ReachesIntoAnotherModule
    {
        public Login? Page { get; set; }
    }
}

namespace BranchNetwork.ArchitectureTests.Fixtures.PublicInModule
{
    public sealed class NeedlesslyPublic;

#pragma warning disable CA1852 // deliberately unsealed
    internal class OpenToInheritanceHandler;
#pragma warning restore CA1852
}
