using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Assessment.TaskProgress;

/// <summary>Events of the work-plan module, arriving as they will from it: through an outbox, delivered by the outbox processor.</summary>
internal static class TaskEvents
{
    /// <summary>Queues <paramref name="integrationEvent"/> and waits until the outbox has delivered it to every handler.</summary>
    public static async Task DeliverAsync(BranchNetworkFactory app, IIntegrationEvent integrationEvent)
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
            db.AddIntegrationEvent(integrationEvent);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<OutboxProcessor>().Wake();
        }

        await WaitDeliveredAsync(app, integrationEvent.EventId);
    }

    /// <summary>Delivers an already delivered event again, as after a crash between handling and marking it processed.</summary>
    public static async Task RedeliverAsync(BranchNetworkFactory app, Guid eventId)
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == eventId);
            message.ProcessedAtUtc = null;
            message.NextAttemptAtUtc = app.Clock.UtcNow.AddDays(-1);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<OutboxProcessor>().Wake();
        }

        await WaitDeliveredAsync(app, eventId);
    }

    private static async Task WaitDeliveredAsync(BranchNetworkFactory app, Guid eventId) =>
        await Eventually.WaitAsync(
            async () =>
            {
                using var scope = app.Services.CreateScope();
                var message = await scope.ServiceProvider.GetRequiredService<AssessmentDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == eventId);
                return (Delivered: message.ProcessedAtUtc is not null, message.Attempts, message.LastError);
            },
            m => m.Delivered && m.Attempts == 0,
            "the event's delivery");
}
