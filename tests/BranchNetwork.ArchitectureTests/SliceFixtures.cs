using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

// Deliberate violations, only here to show that the rules above can fail. Never copy these.
namespace BranchNetwork.ArchitectureTests.Fixtures.SliceModule.Features.Shared
{
    internal sealed record SharedReadModel(string Name);
}

namespace BranchNetwork.ArchitectureTests.Fixtures.SliceModule.Features.ApproveThing
{
    internal sealed record ApproveThingResult(bool Done);
}

namespace BranchNetwork.ArchitectureTests.Fixtures.SliceModule.Features.ApproveThingTwice
{
    internal sealed class UsesSharedCode
    {
        public Shared.SharedReadModel? Model { get; set; }
    }
}

namespace BranchNetwork.ArchitectureTests.Fixtures.SliceModule.Features.RejectThing
{
    internal sealed class ReachesIntoAnotherSlice
    {
        public ApproveThing.ApproveThingResult? Borrowed { get; set; }

        public Shared.SharedReadModel? Model { get; set; }
    }
}

namespace BranchNetwork.ArchitectureTests.Fixtures.PageData
{
    internal sealed class FixtureDbContext(DbContextOptions<FixtureDbContext> options) : DbContext(options);

    internal sealed class FixtureDataService(FixtureDbContext db)
    {
        public override string ToString() => db.ToString()!;
    }

    public sealed class InjectsAServiceOnADbContext : ComponentBase
    {
        [Inject]
        private FixtureDataService Data { get; set; } = default!;

        public override string ToString() => Data.ToString();
    }

    public sealed class InjectsADbContext : ComponentBase
    {
        [Inject]
        private FixtureDbContext Db { get; set; } = default!;

        public override string ToString() => Db.ToString()!;
    }

    public sealed class InjectsOnlyASender : ComponentBase
    {
        [Inject]
        private global::BranchNetwork.Infrastructure.Web.IPageSender Sender { get; set; } = default!;

        public override string ToString() => Sender.ToString()!;
    }
}
