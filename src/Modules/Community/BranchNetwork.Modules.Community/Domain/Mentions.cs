namespace BranchNetwork.Modules.Community.Domain;

/// <summary>
/// An @mention (CM-1) in a thread or reply: a person or a sub-branch. Kept with the post so the people it names are
/// notified when it is published (at once in a post-review board, on a moderator's approval in a pre-review one).
/// </summary>
internal sealed class PostMention
{
    public const int MaxUsersPerPost = 20;
    public const int MaxSubBranchesPerPost = 10;

    // For EF Core.
    private PostMention()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ThreadId { get; private set; }

    /// <summary>Null for a mention in the thread itself.</summary>
    public Guid? ReplyId { get; private set; }

    /// <summary>The person mentioned; null for a sub-branch mention.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The sub-branch mentioned (its heads are notified); null for a person.</summary>
    public Guid? SubBranchId { get; private set; }

    public static PostMention OfUser(Guid threadId, Guid? replyId, Guid userId) => new() { ThreadId = threadId, ReplyId = replyId, UserId = userId };

    public static PostMention OfSubBranch(Guid threadId, Guid? replyId, Guid subBranchId) => new() { ThreadId = threadId, ReplyId = replyId, SubBranchId = subBranchId };
}
