namespace BranchNetwork.Modules.WorkLogs.Contracts;

/// <summary>Addresses of the WorkLogs module's pages, for other modules' links (e.g. a notification or a home card).</summary>
public static class WorkLogLinks
{
    public const string Today = "/worklogs/today";

    public static string Log(Guid logId) => $"/worklogs/logs/{logId}";
}
