namespace BranchNetwork.Modules.Notifications.Features.Shared;

/// <summary>An announcement as head office lists it: what was said, by whom, to which audience, when.</summary>
internal sealed record AnnouncementSummary(Guid Id, string Title, string Body, string AuthorName, Guid? UnitId, string? Role, DateTime CreatedAt);
