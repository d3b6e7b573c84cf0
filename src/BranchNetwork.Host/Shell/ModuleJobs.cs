using BranchNetwork.SharedKernel.Modules;
using Hangfire;

namespace BranchNetwork.Host.Shell;

/// <summary>
/// Schedules every module's <see cref="ModuleRecurringJob"/> with Hangfire. Hangfire stores "run job <c>id</c>" and,
/// when it fires, <see cref="RunAsync"/> finds the module's job again by id and runs it in the job's DI scope.
/// </summary>
internal sealed class ModuleJobs(LoadedModules modules, IConfiguration configuration, IServiceProvider services)
{
    public static void Register(IServiceProvider root)
    {
        var jobs = root.GetRequiredService<IRecurringJobManager>();
        var configuration = root.GetRequiredService<IConfiguration>();
        foreach (var job in root.GetRequiredService<LoadedModules>().All.SelectMany(m => m.RecurringJobs(configuration)))
        {
            var id = job.Id;
            jobs.AddOrUpdate<ModuleJobs>(id, runner => runner.RunAsync(id, CancellationToken.None), job.Cron, new RecurringJobOptions { TimeZone = job.TimeZone });
        }
    }

    [JobDisplayName("{0}")]
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = modules.All.SelectMany(m => m.RecurringJobs(configuration)).FirstOrDefault(j => j.Id == jobId)
            ?? throw new InvalidOperationException($"No module declares the recurring job '{jobId}'.");
        // What the job changes is the job's doing in the audit trail (AU-2).
        using var actor = Infrastructure.Auditing.AuditScope.Job(jobId);
        await job.RunAsync(services, cancellationToken);
    }
}
