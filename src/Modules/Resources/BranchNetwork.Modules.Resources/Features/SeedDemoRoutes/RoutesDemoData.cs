using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;

namespace BranchNetwork.Modules.Resources.Features.SeedDemoRoutes;

/// <summary>
/// Development only: a route for each kind, so a demo request can be filed and decided at once. People: 分行督导 one by
/// one; money: 分行督导 (或签), and above ¥50,000 the head-office leader (分行分管行长); material: every head-office
/// supervisor (或签) with the task admin copied. SystemAdmin changes them on /resources/routes. Idempotent: a kind that
/// already has a route is left alone.
/// </summary>
internal sealed class RoutesDemoData(ResourcesDbContext db, IOrganisationDirectory directory) : IDemoDataSeeder
{
    // After Identity's accounts; before the demo requests (60).
    public int Order => 50;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Routes.Select(r => r.Kind).ToListAsync(cancellationToken);
        if (existing.Count == 3)
        {
            return;
        }

        var people = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var role in new[] { BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin })
        {
            foreach (var id in await directory.ListActiveUserIdsAsync(null, role, cancellationToken))
            {
                if (await directory.FindUserAsync(id, cancellationToken) is { } user)
                {
                    people[user.UserName] = id;
                }
            }
        }

        if (!people.TryGetValue("supervisor", out var supervisor) || !people.TryGetValue("leader", out var leader))
        {
            return;
        }

        IReadOnlyList<Guid> cc = people.TryGetValue("taskadmin", out var taskAdmin) ? [taskAdmin] : [];
        var routes = new[]
        {
            ApprovalRoute.Create(ResourceKind.People, [new("分行督导审批", StepMode.OneByOne, [supervisor], null, [], 2)], null, []),
            ApprovalRoute.Create(ResourceKind.Money, [new("分行督导审批", StepMode.AnyOf, [supervisor], null, [], 2)], ApprovalRoute.DefaultLeaderThreshold, [leader]),
            ApprovalRoute.Create(ResourceKind.Material, [new("综合管理审批", StepMode.AnyOf, [], BankRoles.HeadOfficeSupervisor, cc, 2)], null, []),
        };
        db.Routes.AddRange(routes.Where(r => !existing.Contains(r.Kind)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
