namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>
/// An author as every read model shows one (CM-3): for anonymous content only the pseudonym, never an id or a name —
/// this is the one place content authors are turned into what a reader sees.
/// </summary>
internal sealed record AuthorDto(string Name, bool IsAnonymous, Guid? UserId)
{
    public static AuthorDto Of(BoardThread thread) => Of(thread.AuthorId, thread.AuthorName, thread.Pseudonym);

    public static AuthorDto Of(Reply reply) => Of(reply.AuthorId, reply.AuthorName, reply.Pseudonym);

    public static AuthorDto Of(Guid authorId, string authorName, string? pseudonym) =>
        pseudonym is not null ? new AuthorDto(pseudonym, true, null) : new AuthorDto(authorName, false, authorId);
}
