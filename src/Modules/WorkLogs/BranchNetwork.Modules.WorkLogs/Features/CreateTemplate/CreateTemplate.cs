using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.CreateTemplate;

/// <summary>WL-1: a new log template for a position (岗位), or the default one without a position; one active per position.</summary>
[AllowedRoles(BankRoles.SystemAdmin, BankRoles.TaskAdmin)]
internal sealed record CreateTemplateCommand(string Name, string? Position, string? Description, IReadOnlyList<TemplateFieldInput> Fields)
    : ICommand<TemplateView>, ITemplateInput;

internal sealed class CreateTemplateValidator : TemplateInputValidator<CreateTemplateCommand>;

internal sealed class CreateTemplateHandler(WorkLogsDbContext db) : ICommandHandler<CreateTemplateCommand, TemplateView>
{
    public async ValueTask<TemplateView> Handle(CreateTemplateCommand command, CancellationToken cancellationToken)
    {
        var template = LogTemplate.Create(command.Name, command.Position, command.Description, LogTemplates.Fields(command.Fields));
        await LogTemplates.EnsurePositionFreeAsync(db, template.Position, null, cancellationToken);
        db.Templates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return LogTemplates.ToView(template);
    }
}

internal static class CreateTemplateEndpoint
{
    internal sealed record CreateTemplateBody(string Name, string? Position, string? Description, IReadOnlyList<TemplateFieldInput> Fields);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/templates", async Task<Created<TemplateView>> (CreateTemplateBody body, ISender sender, CancellationToken ct) =>
            {
                var template = await sender.Send(new CreateTemplateCommand(body.Name, body.Position, body.Description, body.Fields), ct);
                return TypedResults.Created($"/api/worklogs/templates/{template.Id}", template);
            })
            .WithName("CreateLogTemplate")
            .WithSummary("Creates a daily log template with typed fields (text, number, choice, date) for a position, or the default (SystemAdmin, TaskAdmin).");
}
