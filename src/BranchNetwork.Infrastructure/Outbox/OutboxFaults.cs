using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Infrastructure.Outbox;

/// <summary>
/// Fault points for the crash-safety tests (ADR 0019): the process kills itself at a chosen step of an
/// event's delivery, as a power cut or <c>kill -9</c> would, so a test can restart it and see what survived.
/// Inert unless configured: <c>Faults:ExitAfterCommit=&lt;event type&gt;</c> stops the process once a
/// committed event of that type is due, before any delivery; <c>Faults:ExitAfterHandlers=&lt;event type&gt;</c>
/// stops it after every handler ran, before the message is marked processed. The type is the event's class
/// name or its full name.
/// </summary>
internal sealed record OutboxFaults(string? ExitAfterCommit, string? ExitAfterHandlers)
{
    public static OutboxFaults From(IConfiguration configuration) =>
        new(Normalise(configuration["Faults:ExitAfterCommit"]), Normalise(configuration["Faults:ExitAfterHandlers"]));

    /// <summary>Whether a stored type ("Namespace.Type, Assembly") is the configured one.</summary>
    public static bool Matches(string storedType, string? fault)
    {
        if (fault is null)
        {
            return false;
        }

        var fullName = storedType.Split(',', 2)[0].Trim();
        var name = fullName[(fullName.LastIndexOf('.') + 1)..];
        return string.Equals(fault, fullName, StringComparison.Ordinal) || string.Equals(fault, name, StringComparison.Ordinal);
    }

    /// <summary>Ends the process at once: no finally blocks, no flushing, no graceful shutdown.</summary>
    public static void Exit(ILogger logger, string where, Guid messageId, string type)
    {
        logger.LogCritical("Fault point: killing the process {Where} of outbox message {MessageId} ({Type})", where, messageId, type);
        Process.GetCurrentProcess().Kill();
    }

    private static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
