using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Identity.Services;

/// <summary>
/// Reads new session revocations once a second (one small query per node, whatever the traffic) and
/// tells <see cref="UserSessions"/>, so a user disabled on another node is signed out here too (ADR 0017).
/// </summary>
internal sealed class SessionRevocationListener(IServiceScopeFactory scopes, UserSessions sessions, IConfiguration configuration, ILogger<SessionRevocationListener> logger)
    : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(configuration.GetValue("Identity:SessionRevocationPollMilliseconds", 1000));
        long? last = null;
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                if (last is null)
                {
                    // Older revocations were already in force when this node started: its cache is empty.
                    last = await db.SessionRevocations.MaxAsync(r => (long?)r.Id, stoppingToken) ?? 0;
                    continue;
                }

                var from = last.Value;
                var rows = await db.SessionRevocations.AsNoTracking()
                    .Where(r => r.Id > from)
                    .OrderBy(r => r.Id)
                    .Take(Batch)
                    .Select(r => new { r.Id, r.UserId })
                    .ToListAsync(stoppingToken);
                foreach (var row in rows)
                {
                    sessions.Changed(row.UserId);
                    last = row.Id;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reading session revocations failed; trying again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
