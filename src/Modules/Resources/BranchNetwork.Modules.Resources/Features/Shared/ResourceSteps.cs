using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Resources.Features.Shared;

/// <summary>
/// Turns a kind's route into the steps one request will follow (RR-2): named approvers who are still active, plus every
/// active user of a step's role, with display names; the leader's final step for money above the threshold. The route
/// preview and the submission both use it, so what the requester previews is what runs.
/// </summary>
internal sealed class ResourceSteps(ResourcesDbContext db, IOrganisationDirectory directory, BankCalendar calendar)
{
    /// <summary>The planned steps, or null when no route is configured for the kind.</summary>
    public async Task<IReadOnlyList<PlannedStep>?> PlanAsync(ResourceKind kind, decimal? amount, CancellationToken ct)
    {
        var route = await db.Routes.AsNoTracking().SingleOrDefaultAsync(r => r.Kind == kind, ct);
        if (route is null)
        {
            return null;
        }

        var names = new Dictionary<Guid, Person?>();
        async Task<IReadOnlyList<Person>> PeopleAsync(IEnumerable<Guid> ids)
        {
            var people = new List<Person>();
            foreach (var id in ids)
            {
                if (!names.TryGetValue(id, out var person))
                {
                    var info = await directory.FindUserAsync(id, ct);
                    person = info is { IsActive: true } ? new Person(id, info.DisplayName) : null;
                    names[id] = person;
                }

                if (person is not null)
                {
                    people.Add(person);
                }
            }

            return people;
        }

        var planned = new List<PlannedStep>();
        foreach (var step in route.Steps)
        {
            var ids = step.ApproverIds.ToList();
            if (!string.IsNullOrEmpty(step.ApproverRole))
            {
                ids.AddRange((await directory.ListActiveUserIdsAsync(null, step.ApproverRole, ct)).Where(id => !ids.Contains(id)));
            }

            planned.Add(new PlannedStep(step.Name, step.Mode, await PeopleAsync(ids), await PeopleAsync(step.CcIds), step.DueWorkingDays, IsLeaderStep: false));
        }

        if (route.NeedsLeader(amount))
        {
            planned.Add(new PlannedStep(DomainText.Get("LeaderStepName"), StepMode.AnyOf, await PeopleAsync(route.LeaderApproverIds), [],
                ApprovalRoute.DefaultDueWorkingDays, IsLeaderStep: true));
        }

        return planned;
    }

    /// <summary>The due time of a step: so many working days of the bank calendar later, at the same China time of day.</summary>
    public DateTime DueAt(DateTime startedAtUtc, int workingDays)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(startedAtUtc, BankCalendar.Zone);
        var day = calendar.AddWorkingDays(DateOnly.FromDateTime(local), workingDays);
        var due = day.ToDateTime(TimeOnly.FromDateTime(local), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(due, BankCalendar.Zone);
    }
}
