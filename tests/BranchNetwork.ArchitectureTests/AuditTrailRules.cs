using BranchNetwork.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.ArchitectureTests;

/// <summary>AU-2, ADR 0021: every module's changes reach the audit trail through the module's own outbox.</summary>
[Trait("Spec", "AU-2")]
public sealed class AuditTrailRules
{
    [Fact]
    public void Every_module_DbContext_has_an_outbox_for_its_audit_trail()
    {
        var contexts = Solution.Modules
            .SelectMany(m => m.GetTypes())
            .Where(t => !t.IsAbstract && typeof(DbContext).IsAssignableFrom(t))
            .ToList();

        Assert.True(contexts.Count >= 5, $"found only {contexts.Count} module contexts");
        Assert.Empty(contexts.Where(c => !typeof(IOutboxDbContext).IsAssignableFrom(c)).Select(c => c.FullName));
    }
}
