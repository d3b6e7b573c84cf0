using BranchNetwork.Infrastructure.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Audit.Features.ManagePolicies;

internal sealed record CreatePolicyBody(
    string? Name,
    AccessPolicyKind Kind,
    IReadOnlyList<string>? PathPatterns,
    IReadOnlyList<string>? Roles,
    bool WorkingDaysOnly,
    string? From,
    string? To,
    IReadOnlyList<string>? AllowedNetworks,
    IReadOnlyList<string>? FileExtensions,
    long? MaxUploadBytes,
    IReadOnlyList<string>? LinkDomains,
    bool Enabled);

internal sealed record UpdatePolicyBody(
    string? Name,
    AccessPolicyKind Kind,
    IReadOnlyList<string>? PathPatterns,
    IReadOnlyList<string>? Roles,
    bool WorkingDaysOnly,
    string? From,
    string? To,
    IReadOnlyList<string>? AllowedNetworks,
    IReadOnlyList<string>? FileExtensions,
    long? MaxUploadBytes,
    IReadOnlyList<string>? LinkDomains,
    long Version);

internal static class ManagePoliciesEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/policies", async Task<Ok<IReadOnlyList<AccessPolicyDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPoliciesQuery(), ct)))
            .RequireRolesOf<ListPoliciesQuery>()
            .WithName("ListAccessPolicies")
            .WithSummary("The access policies: time windows, network zones, content (SecurityAdmin).");
        api.MapGet("/policies/{id:guid}", async Task<Ok<AccessPolicyDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPolicyQuery(id), ct)))
            .RequireRolesOf<GetPolicyQuery>()
            .WithName("GetAccessPolicy")
            .WithSummary("One access policy (SecurityAdmin).");
        api.MapPost("/policies", async Task<Created<AccessPolicyDto>> (CreatePolicyBody body, ISender sender, CancellationToken ct) =>
            {
                var policy = await sender.Send(
                    new CreatePolicyCommand(body.Name, body.Kind, body.PathPatterns, body.Roles, body.WorkingDaysOnly, body.From, body.To, body.AllowedNetworks, body.FileExtensions, body.MaxUploadBytes, body.LinkDomains, body.Enabled),
                    ct);
                return TypedResults.Created($"/api/audit/policies/{policy.Id}", policy);
            })
            .RequireRolesOf<CreatePolicyCommand>()
            .WithName("CreateAccessPolicy")
            .WithSummary("Creates an access policy (SecurityAdmin); refused with 409 when it would lock out every SecurityAdmin.");
        api.MapPut("/policies/{id:guid}", async Task<Ok<AccessPolicyDto>> (Guid id, UpdatePolicyBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(
                    new UpdatePolicyCommand(id, body.Name, body.Kind, body.PathPatterns, body.Roles, body.WorkingDaysOnly, body.From, body.To, body.AllowedNetworks, body.FileExtensions, body.MaxUploadBytes, body.LinkDomains, body.Version),
                    ct)))
            .RequireRolesOf<UpdatePolicyCommand>()
            .WithName("UpdateAccessPolicy")
            .WithSummary("Changes an access policy (SecurityAdmin); takes effect on the next request.");
        api.MapPost("/policies/{id:guid}/enable", async Task<Ok<AccessPolicyDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetPolicyEnabledCommand(id, Enabled: true), ct)))
            .RequireRolesOf<SetPolicyEnabledCommand>()
            .WithName("EnableAccessPolicy")
            .WithSummary("Enables an access policy (SecurityAdmin); lock-out guarded.");
        api.MapPost("/policies/{id:guid}/disable", async Task<Ok<AccessPolicyDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetPolicyEnabledCommand(id, Enabled: false), ct)))
            .RequireRolesOf<SetPolicyEnabledCommand>()
            .WithName("DisableAccessPolicy")
            .WithSummary("Disables an access policy (SecurityAdmin).");
        api.MapDelete("/policies/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeletePolicyCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequireRolesOf<DeletePolicyCommand>()
            .WithName("DeleteAccessPolicy")
            .WithSummary("Deletes an access policy (SecurityAdmin).");
    }
}
