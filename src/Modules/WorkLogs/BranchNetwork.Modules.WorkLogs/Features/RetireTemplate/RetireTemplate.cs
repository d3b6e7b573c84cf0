using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.RetireTemplate;

/// <summary>WL-1: retires a template: new logs of its position take the default template; logs written with it keep their copy.</summary>
[AllowedRoles(BankRoles.SystemAdmin, BankRoles.TaskAdmin)]
internal sealed record RetireTemplateCommand(Guid TemplateId) : ICommand<TemplateView>;

internal sealed class RetireTemplateHandler(WorkLogsDbContext db) : ICommandHandler<RetireTemplateCommand, TemplateView>
{
    public async ValueTask<TemplateView> Handle(RetireTemplateCommand command, CancellationToken cancellationToken)
    {
        var template = await LogTemplates.FindAsync(db, command.TemplateId, cancellationToken);
        template.Retire();
        await db.SaveChangesAsync(cancellationToken);
        return LogTemplates.ToView(template);
    }
}

internal static class RetireTemplateEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/templates/{id:guid}/retire", async Task<Ok<TemplateView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetireTemplateCommand(id), ct)))
            .WithName("RetireLogTemplate")
            .WithSummary("Retires a daily log template; logs written with it keep their copy of the fields (SystemAdmin, TaskAdmin).");
}
