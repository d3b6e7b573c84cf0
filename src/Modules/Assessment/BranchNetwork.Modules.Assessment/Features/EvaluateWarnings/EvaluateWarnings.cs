using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Assessment.Features.EvaluateWarnings;

/// <summary>A supervisor runs the evaluation now instead of waiting for the morning job.</summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record EvaluateWarningsCommand : ICommand<EvaluationResult>;

internal sealed class EvaluateWarningsHandler(WarningEvaluator evaluator, ICurrentUser user) : ICommandHandler<EvaluateWarningsCommand, EvaluationResult>
{
    public async ValueTask<EvaluationResult> Handle(EvaluateWarningsCommand command, CancellationToken cancellationToken)
    {
        user.EnsureAnyRole(BankRoles.HeadOfficeSupervisor);
        return await evaluator.EvaluateAsync(cancellationToken);
    }
}

/// <summary>The daily job (default 08:00 China Standard Time; <c>Assessment:WarningsCron</c>, <c>Assessment:WarningsTimeZone</c>).</summary>
internal sealed class EvaluateWarningsJob(WarningEvaluator evaluator)
{
    public const string Id = "assessment:evaluate-warnings";

    public const string DefaultCron = "0 8 * * *";

    public Task RunAsync(CancellationToken cancellationToken) => evaluator.EvaluateAsync(cancellationToken);
}

internal static class EvaluateWarningsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/warnings/evaluate", async Task<Ok<EvaluationResult>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EvaluateWarningsCommand(), ct)))
            .WithName("EvaluateWarnings").WithSummary("Evaluates every published scheme's warning rules now, as the daily job does (supervisor).");
}
