using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.ChangeTemplate;

/// <summary>
/// WL-1: changes a template's name, position, description and fields. Logs already started keep the fields they were
/// written with. <see cref="Version"/> is the one the editor read: a stale one is a 409.
/// </summary>
[AllowedRoles(BankRoles.SystemAdmin, BankRoles.TaskAdmin)]
internal sealed record ChangeTemplateCommand(Guid TemplateId, string Name, string? Position, string? Description, IReadOnlyList<TemplateFieldInput> Fields, long Version)
    : ICommand<TemplateView>, ITemplateInput;

internal sealed class ChangeTemplateValidator : TemplateInputValidator<ChangeTemplateCommand>
{
    public ChangeTemplateValidator()
    {
        RuleFor(c => c.Version).GreaterThan(0).WithMessage(_ => DomainText.Get("Logs_VersionRequired"));
    }
}

internal sealed class ChangeTemplateHandler(WorkLogsDbContext db) : ICommandHandler<ChangeTemplateCommand, TemplateView>
{
    public async ValueTask<TemplateView> Handle(ChangeTemplateCommand command, CancellationToken cancellationToken)
    {
        var template = await LogTemplates.FindAsync(db, command.TemplateId, cancellationToken);
        db.Entry(template).Property(t => t.Version).OriginalValue = command.Version;
        template.Change(command.Name, command.Position, command.Description, LogTemplates.Fields(command.Fields));
        await LogTemplates.EnsurePositionFreeAsync(db, template.Position, template.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return LogTemplates.ToView(template);
    }
}

internal static class ChangeTemplateEndpoint
{
    internal sealed record ChangeTemplateBody(string Name, string? Position, string? Description, IReadOnlyList<TemplateFieldInput> Fields, long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/templates/{id:guid}", async Task<Ok<TemplateView>> (Guid id, ChangeTemplateBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeTemplateCommand(id, body.Name, body.Position, body.Description, body.Fields, body.Version), ct)))
            .WithName("ChangeLogTemplate")
            .WithSummary("Changes a daily log template (with the version read); logs already started keep their copy of the fields (SystemAdmin, TaskAdmin).");
}
