using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;

namespace BranchNetwork.Modules.WorkLogs.Features.GetReadingFilters;

internal sealed record FilterOption(Guid Id, string Name);

/// <summary>A template field to filter by, shown by its label (the same key in two templates is one choice).</summary>
internal sealed record FieldOption(string Key, string Label);

/// <summary>
/// The choices of the reading page's filters: the sub-branches the caller may search (every one for head office's
/// supervisors, else the own), the people of the chosen one, the templates' fields, and whether the caller may export its month.
/// </summary>
internal sealed record ReadingFilters(Guid? SubBranchId, IReadOnlyList<FilterOption> SubBranches, IReadOnlyList<FilterOption> People, IReadOnlyList<FieldOption> Fields, bool CanExport);

/// <summary>WL-3: the reading page's filter choices (the page's own request; the API's search takes ids).</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
internal sealed record GetReadingFiltersQuery(Guid? SubBranchId) : IQuery<ReadingFilters>;

internal sealed class GetReadingFiltersHandler(WorkLogsDbContext db, WorkLogsAccess access, IOrganisationDirectory directory) : IQueryHandler<GetReadingFiltersQuery, ReadingFilters>
{
    public async ValueTask<ReadingFilters> Handle(GetReadingFiltersQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var own = await access.OwnSubBranchAsync(cancellationToken);
        List<FilterOption> subBranches;
        Guid? chosen;
        if (access.IsSupervisor)
        {
            subBranches = [.. (await directory.ListSubBranchesAsync(cancellationToken)).Where(u => !u.IsRetired).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new FilterOption(u.Id, u.Name))];
            chosen = query.SubBranchId is { } asked && subBranches.Any(s => s.Id == asked) ? asked : null;
        }
        else
        {
            var unit = own is { } id ? await directory.FindUnitAsync(id, cancellationToken) : null;
            subBranches = unit is null ? [] : [new FilterOption(unit.Id, unit.Name)];
            chosen = unit?.Id;
        }

        var people = chosen is { } sb
            ? (await directory.ListActiveMembersAsync([sb], cancellationToken)).OrderBy(m => m.UserName, StringComparer.Ordinal).Select(m => new FilterOption(m.UserId, m.DisplayName)).ToList()
            : [];
        var canExport = chosen is { } target && await access.SupervisesSubBranchAsync(target, cancellationToken);
        var templates = await db.Templates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var fields = templates.SelectMany(t => t.Fields).DistinctBy(f => f.Key).Select(f => new FieldOption(f.Key, f.Label)).ToList();
        return new ReadingFilters(chosen, subBranches, people, fields, canExport);
    }
}
