using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Community.Contracts;

/// <summary>Addresses of the Community module's pages, for other modules' links (a notification, a home card, a 全员点评 button).</summary>
public static class CommunityLinks
{
    public const string Home = "/community";

    public const string Boards = "/community/boards";

    public const string ReviewQueue = "/community/moderation";

    public static string Board(Guid boardId) => $"/community/boards/{boardId}";

    public static string Thread(Guid threadId) => $"/community/threads/{threadId}";

    /// <summary>The discussion (全员点评) of a piece of work of another module: opens its thread, or offers to start it.</summary>
    public static string Discussion(DiscussionSubjectKind kind, Guid subjectId) => $"/community/discuss/{kind}/{subjectId}";
}

/// <summary>What of another module a discussion thread is about (CM-2). Stored as the kind and the other module's id, never a foreign key.</summary>
public enum DiscussionSubjectKind
{
    /// <summary>The published or closed results of an assessment scheme (考核结果).</summary>
    AssessmentResults = 1,

    /// <summary>A work plan marked excellent (优秀工作方案).</summary>
    ExcellentPlan = 2,

    /// <summary>A product idea (产品创意), once that module exists.</summary>
    Idea = 3,
}

// Integration events: every countable act of the community (points, titles and the community KPIs of CM-5 are computed
// from them later). An event about anonymous content carries the hidden account so points still reach it; a consumer
// must never show who wrote it (IsAnonymous), CM-3.

/// <summary>A thread became visible in its board (on posting in a post-review board, on approval in a pre-review one).</summary>
public sealed record CommunityThreadPublished(
    Guid EventId, DateTime OccurredAtUtc, Guid ThreadId, Guid BoardId, Guid AuthorId, Guid? AuthorSubBranchId, bool IsAnonymous, bool IsQuestion) : IIntegrationEvent;

/// <summary>A reply became visible under a thread.</summary>
public sealed record CommunityReplyPublished(
    Guid EventId, DateTime OccurredAtUtc, Guid ReplyId, Guid ThreadId, Guid BoardId, Guid AuthorId, Guid? AuthorSubBranchId, bool IsAnonymous) : IIntegrationEvent;

/// <summary>A thread or reply received a like; <paramref name="ReplyId"/> is null for a like of the thread itself.</summary>
public sealed record CommunityLikeReceived(
    Guid EventId, DateTime OccurredAtUtc, Guid ThreadId, Guid? ReplyId, Guid BoardId, Guid AuthorId, Guid LikedById) : IIntegrationEvent;

/// <summary>A reply was accepted as an answer of a question thread.</summary>
public sealed record CommunityAnswerAccepted(
    Guid EventId, DateTime OccurredAtUtc, Guid ThreadId, Guid ReplyId, Guid BoardId, Guid AnswerAuthorId, Guid AcceptedById) : IIntegrationEvent;

/// <summary>A moderator featured a thread (精华).</summary>
public sealed record CommunityThreadFeatured(
    Guid EventId, DateTime OccurredAtUtc, Guid ThreadId, Guid BoardId, Guid AuthorId, Guid FeaturedById) : IIntegrationEvent;

/// <summary>A user joined a board (accepted its rules, 入群).</summary>
public sealed record CommunityMemberJoined(
    Guid EventId, DateTime OccurredAtUtc, Guid BoardId, Guid UserId, Guid? SubBranchId) : IIntegrationEvent;

/// <summary>A user voted in a poll (the choice is not carried: ballots may be anonymous).</summary>
public sealed record CommunityPollVoted(
    Guid EventId, DateTime OccurredAtUtc, Guid PollId, Guid ThreadId, Guid BoardId, Guid VoterId) : IIntegrationEvent;
