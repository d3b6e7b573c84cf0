using BranchNetwork.Modules.Identity.Pages.Account;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Authorization;

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

namespace BranchNetwork.ArchitectureTests.Fixtures.Requests
{
    internal sealed record UndeclaredQuery : Mediator.IQuery<int>;

    [AnySignedInUser]
    [SystemRequest]
    internal sealed record TwiceDeclaredCommand : Mediator.ICommand;

    [AllowedRoles]
    internal sealed record NobodyAllowedCommand : Mediator.ICommand<int>;

    [AnySignedInUser]
    internal sealed record DeclaredQuery : Mediator.IQuery<int>;

    [AllowedRoles("TaskAdmin", "Auditor")]
    internal sealed record AuditorWritesCommand : Mediator.ICommand;

    [AllowedRoles("Staff")]
    [OwnAccountOnly]
    internal sealed record OwnAccountWithRolesCommand : Mediator.ICommand;

    [AnySignedInUser]
    internal sealed record AnyoneMayWriteCommand : Mediator.ICommand;

    [AnySignedInUser]
    [OwnAccountOnly]
    internal sealed record OwnInboxCommand : Mediator.ICommand;
}

namespace BranchNetwork.ArchitectureTests.Fixtures.Paging
{
    internal sealed record PlainListQuery : Mediator.IQuery<List<string>>;

    internal sealed record ItemsWrapper(IReadOnlyList<string> Items, int Total);

    internal sealed record ItemsWrapperQuery : Mediator.IQuery<ItemsWrapper>;

    [BoundedList("a fixed list of five")]
    internal sealed record BoundedQuery : Mediator.IQuery<string[]>;

    internal sealed record KeysetQuery : Mediator.IQuery<KeysetPage<string>>;

    internal sealed class FixtureHandlers :
        Mediator.IQueryHandler<PlainListQuery, List<string>>,
        Mediator.IQueryHandler<ItemsWrapperQuery, ItemsWrapper>,
        Mediator.IQueryHandler<BoundedQuery, string[]>,
        Mediator.IQueryHandler<KeysetQuery, KeysetPage<string>>
    {
        public ValueTask<List<string>> Handle(PlainListQuery query, CancellationToken cancellationToken) => new([]);

        public ValueTask<ItemsWrapper> Handle(ItemsWrapperQuery query, CancellationToken cancellationToken) => new(new ItemsWrapper([], 0));

        public ValueTask<string[]> Handle(BoundedQuery query, CancellationToken cancellationToken) => new([]);

        public ValueTask<KeysetPage<string>> Handle(KeysetQuery query, CancellationToken cancellationToken) => new(new KeysetPage<string>([], null));
    }
}
