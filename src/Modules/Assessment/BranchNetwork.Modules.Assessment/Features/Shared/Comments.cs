namespace BranchNetwork.Modules.Assessment.Features.Shared;

internal sealed record ResultCommentDto(Guid Id, string AuthorName, string Body, DateTime CreatedAt);
