using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.ListTemplates;

/// <summary>WL-1: the log templates, active ones first (the default, then by position), retired ones last.</summary>
[AllowedRoles(BankRoles.SystemAdmin, BankRoles.TaskAdmin)]
[BoundedList("Log templates: one active template per position (岗位) of the bank plus the few retired ones, tens at most.")]
internal sealed record ListTemplatesQuery : IQuery<IReadOnlyList<TemplateView>>;

internal sealed class ListTemplatesHandler(WorkLogsDbContext db) : IQueryHandler<ListTemplatesQuery, IReadOnlyList<TemplateView>>
{
    public async ValueTask<IReadOnlyList<TemplateView>> Handle(ListTemplatesQuery query, CancellationToken cancellationToken)
    {
        var templates = await db.Templates.AsNoTracking().ToListAsync(cancellationToken);
        return [.. templates
            .OrderBy(t => t.IsRetired)
            .ThenBy(t => t.Position is null ? 0 : 1)
            .ThenBy(t => t.Position, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(LogTemplates.ToView)];
    }
}

internal static class ListTemplatesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/templates", async Task<Ok<IReadOnlyList<TemplateView>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListTemplatesQuery(), ct)))
            .WithName("ListLogTemplates")
            .WithSummary("The daily log templates with their typed fields (SystemAdmin, TaskAdmin).");
}
