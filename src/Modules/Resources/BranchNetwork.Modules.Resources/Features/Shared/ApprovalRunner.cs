using FluentValidation;

namespace BranchNetwork.Modules.Resources.Features.Shared;

/// <summary>Where a request stands after an approver's action: its state, what is granted so far, the deciding step and the new version.</summary>
internal sealed record ResourceApprovalResult(Guid RequestId, RequestState State, decimal? Granted, int? CurrentStepIndex, string? CurrentStepName, long Version);

/// <summary>What one action needs: the request as now stored, the caller as requests show people, the moment.</summary>
internal sealed record ApprovalContext(ResourceRequest Request, Person Me, DateTime Now, RequestNotifier Notifier);

/// <summary>
/// Runs an approver's action on a request (RR-2): loads the request with its steps, checks the caller may read it (else
/// 404), lets the entity apply the action, asks whoever is newly waiting to decide, signals everyone following the request,
/// and saves. The request's version guards the save: the first attempt uses the version the caller read; when someone else
/// saved first (two 会签 approvers at the same instant), the action is applied again on a fresh read — the entity's rules
/// decide whether it still holds — up to <see cref="MaxAttempts"/> times, then 409 <c>resources.changed</c>.
/// </summary>
internal sealed class ApprovalRunner(ResourcesDbContext db, ResourcesAccess access, RequestNotifier notifier, IClock clock)
{
    public const int MaxAttempts = 5;

    public async Task<ResourceApprovalResult> RunAsync(Guid requestId, long version, Action<ApprovalContext> act, CancellationToken ct)
    {
        var me = await access.MeAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var request = await db.RequestsWithSteps.FirstOrDefaultAsync(r => r.Id == requestId, ct) ?? throw ResourcesAccess.RequestNotFound();
            await access.EnsureCanReadAsync(request, ct);
            if (attempt == 1)
            {
                db.Entry(request).Property(r => r.Version).OriginalValue = version;
            }

            var before = Waiting(request);
            act(new ApprovalContext(request, me, clock.UtcNow, notifier));
            var asked = request.WaitingApprovers().Where(a => !before.Contains((a.StepId, a.UserId))).Select(a => a.UserId).Distinct().ToList();
            notifier.AskApprovers(request, asked);
            notifier.Signal(request);
            try
            {
                await db.SaveChangesAsync(ct);
                var step = request.CurrentStep;
                return new ResourceApprovalResult(request.Id, request.State, request.Granted, request.CurrentStepIndex, step?.Name, request.Version);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Someone else saved the request first: read it again and apply the action to what is now stored.
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("resources.changed", DomainText.Get("Approvals_Changed"));
            }
        }
    }

    private static HashSet<(Guid StepId, Guid UserId)> Waiting(ResourceRequest request) =>
        [.. request.WaitingApprovers().Select(a => (a.StepId, a.UserId))];
}

/// <summary>The checks every approver's command shares: a free-text comment without control characters, a version read.</summary>
internal static class ApprovalRules
{
    public static bool IsFreeText(string? text) =>
        text is null || (!TextGuard.HasBidiControl(text) && !text.Any(c => c < ' ' && c is not ('\n' or '\r' or '\t')));

    public static void Comment<T>(IRuleBuilderInitial<T, string?> rule) =>
        rule.MaximumLength(ResourceRequest.CommentMaxLength).WithMessage(_ => DomainText.Format("Approvals_CommentTooLong", ResourceRequest.CommentMaxLength))
            .Must(IsFreeText).WithMessage(_ => DomainText.Get("Approvals_NoControlCharacters"));

    public static void Version<T>(IRuleBuilderInitial<T, long> rule) =>
        rule.GreaterThan(0).WithMessage(_ => DomainText.Get("Approvals_VersionRequired"));
}
