namespace BranchNetwork.Modules.Resources.Contracts;

/// <summary>Addresses of the Resources module's pages, for other modules' links (a notification, a home card).</summary>
public static class ResourceLinks
{
    public const string Requests = "/resources";

    public const string Approvals = "/resources/approvals";

    public static string Request(Guid requestId) => $"/resources/{requestId}";
}
