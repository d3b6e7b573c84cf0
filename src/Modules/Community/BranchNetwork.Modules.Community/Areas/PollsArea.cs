using BranchNetwork.Modules.Community.Features.ClosePoll;
using BranchNetwork.Modules.Community.Features.CreatePoll;
using BranchNetwork.Modules.Community.Features.GetPoll;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Community.Features.VoteInPoll;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.Modules.Community.Areas;

/// <summary>CM-2: polls (投票) on threads — single or multiple choice, anonymous ballots, closing, results shown on vote, on close or to moderators only: the area's navigation, services, endpoints and jobs.</summary>
internal static class PollsArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } = [];

    public static IReadOnlyList<HomeCard> HomeCards { get; } = [];

    public static void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<PollViews>();

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        CreatePollEndpoint.Map(api);
        GetPollEndpoint.Map(api);
        VoteInPollEndpoint.Map(api);
        ClosePollEndpoint.Map(api);
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
