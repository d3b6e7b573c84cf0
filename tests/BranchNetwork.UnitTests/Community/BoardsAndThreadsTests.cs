using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.SharedKernel.Errors;

namespace BranchNetwork.UnitTests.Community;

/// <summary>
/// CM-1 on the entities alone: every allowed and refused transition of a board (settings, rules version, moderators,
/// archive, membership), a thread (post, review, edit, pin, feature, close, expire, remove) and a reply (post, quote,
/// review, edit, accept, remove).
/// </summary>
[Trait("Spec", "CM-1")]
public sealed class BoardsAndThreadsTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Moderator = Guid.NewGuid();
    private static readonly Guid Staff = Guid.NewGuid();
    private static readonly SafeHtml Body = new("<p>正文</p>", "正文");

    private static BoardSettings Settings(
        string name = "全行交流", string rules = "文明发言", ReviewMode review = ReviewMode.PostReview, bool anonymous = false,
        BoardAudienceKind kind = BoardAudienceKind.WholeBranch, Guid? unit = null, int? expiry = null) =>
        new(name, "简介", rules, "欢迎", kind, unit, review, anonymous, expiry, ExpiryAction.Close);

    private static Board NewBoard(ReviewMode review = ReviewMode.PostReview, bool anonymous = false, int? expiry = null) =>
        Board.Create(Settings(review: review, anonymous: anonymous, expiry: expiry), Moderator, "社群管理员");

    private static BoardThread Post(Board board, ThreadKind kind = ThreadKind.Discussion, bool hold = false, PostAuthor? author = null) =>
        BoardThread.Post(board, kind, "标题", Body, author ?? PostAuthor.Named(Staff, "支行01员工1", null), hold, Now);

    [Fact]
    public void A_board_starts_with_its_creator_as_moderator_and_rules_version_one()
    {
        var board = NewBoard();
        Assert.True(board.IsModerator(Moderator));
        Assert.Equal(1, board.RulesVersion);
        Assert.False(board.IsArchived);
    }

    [Fact]
    public void A_board_refuses_an_empty_or_long_name_a_unit_for_the_whole_branch_none_for_a_sub_branch_and_bad_expiry()
    {
        Assert.Equal("name", Assert.Single(Assert.Throws<ValidationFailedException>(() => Board.Create(Settings(name: " "), Moderator, "m")).Errors).Key);
        Assert.Throws<ValidationFailedException>(() => Board.Create(Settings(name: new string('版', Board.NameMaxLength + 1)), Moderator, "m"));
        Assert.Throws<ValidationFailedException>(() => Board.Create(Settings(unit: Guid.NewGuid()), Moderator, "m"));
        Assert.Throws<ValidationFailedException>(() => Board.Create(Settings(kind: BoardAudienceKind.SubBranch), Moderator, "m"));
        Assert.Throws<ValidationFailedException>(() => Board.Create(Settings(expiry: 0), Moderator, "m"));
        Assert.Throws<ValidationFailedException>(() => Board.Create(Settings(expiry: Board.MaxExpiryDays + 1), Moderator, "m"));
    }

    [Fact]
    public void Changing_the_rules_text_moves_the_rules_version_and_members_must_accept_again()
    {
        var board = NewBoard();
        var member = BoardMember.Join(board, Staff, null, Now);
        Assert.True(member.HasAccepted(board));

        board.Change(Settings(name: "全行交流（新）"));
        Assert.Equal(1, board.RulesVersion);
        Assert.True(member.HasAccepted(board));

        board.Change(Settings(rules: "新的群规"));
        Assert.Equal(2, board.RulesVersion);
        Assert.False(member.HasAccepted(board));
        member.AcceptRules(board);
        Assert.True(member.HasAccepted(board));
    }

    [Fact]
    public void Following_without_joining_has_not_accepted_the_rules()
    {
        var board = NewBoard();
        var follower = BoardMember.FollowOnly(board, Staff, null, Now);
        Assert.True(follower.IsFollowing);
        Assert.False(follower.HasAccepted(board));
        follower.Unfollow();
        Assert.False(follower.IsFollowing);
        follower.Follow();
        Assert.True(follower.IsFollowing);
    }

    [Fact]
    public void Moderators_are_added_once_capped_and_the_last_one_stays()
    {
        var board = NewBoard();
        board.AddModerator(Staff, "员工");
        board.AddModerator(Staff, "员工");
        Assert.Equal(2, board.Moderators.Count);
        board.RemoveModerator(Staff);
        Assert.Single(board.Moderators);
        Assert.Equal("community.wrong_state", Assert.Throws<ConflictException>(() => board.RemoveModerator(Moderator)).Code);
        for (var i = board.Moderators.Count; i < Board.MaxModerators; i++)
        {
            board.AddModerator(Guid.NewGuid(), "版主");
        }

        Assert.Throws<ValidationFailedException>(() => board.AddModerator(Guid.NewGuid(), "多一个"));
    }

    [Fact]
    public void An_archived_board_takes_no_change_no_moderator_and_no_thread()
    {
        var board = NewBoard();
        board.Archive();
        Assert.Throws<ConflictException>(() => board.Archive());
        Assert.Throws<ConflictException>(() => board.Change(Settings()));
        Assert.Throws<ConflictException>(() => board.AddModerator(Staff, "员工"));
        Assert.Throws<ConflictException>(() => Post(board));
    }

    [Fact]
    public void A_post_review_thread_is_published_at_once_and_a_pre_review_or_held_one_waits()
    {
        var open = NewBoard();
        var published = Post(open);
        Assert.Equal(PostState.Published, published.State);
        Assert.Equal(Now, published.PublishedAtUtc);

        Assert.Equal(PostState.PendingReview, Post(open, hold: true).State);
        var waiting = Post(NewBoard(ReviewMode.PreReview));
        Assert.Equal(PostState.PendingReview, waiting.State);
        Assert.Null(waiting.PublishedAtUtc);
    }

    [Fact]
    public void Anonymous_posting_only_where_the_board_allows_it_and_the_name_is_never_kept()
    {
        var author = PostAuthor.Anonymous(Staff, null, "匿名用户#4F2A");
        Assert.Throws<ValidationFailedException>(() => Post(NewBoard(), author: author));
        var thread = Post(NewBoard(anonymous: true), author: author);
        Assert.True(thread.IsAnonymous);
        Assert.Equal("", thread.AuthorName);
        Assert.Equal("匿名用户#4F2A", thread.Pseudonym);
    }

    [Fact]
    public void A_title_must_be_given_and_short()
    {
        var board = NewBoard();
        Assert.Equal("title", Assert.Single(Assert.Throws<ValidationFailedException>(() => BoardThread.Post(board, ThreadKind.Discussion, "  ", Body, PostAuthor.Named(Staff, "员工", null), false, Now)).Errors).Key);
        Assert.Throws<ValidationFailedException>(() => BoardThread.Post(board, ThreadKind.Discussion, new string('题', BoardThread.TitleMaxLength + 1), Body, PostAuthor.Named(Staff, "员工", null), false, Now));
    }

    [Fact]
    public void Review_approves_or_rejects_only_a_waiting_thread()
    {
        var board = NewBoard(ReviewMode.PreReview, expiry: 30);
        var approved = Post(board);
        approved.Approve(board, Now);
        Assert.Equal(PostState.Published, approved.State);
        Assert.Equal(Now.AddDays(30), approved.ExpiresAtUtc);
        Assert.Throws<ConflictException>(() => approved.Approve(board, Now));
        Assert.Throws<ConflictException>(() => approved.Reject("重复"));

        var rejected = Post(board);
        Assert.Throws<ValidationFailedException>(() => rejected.Reject(" "));
        rejected.Reject("与版块主题无关");
        Assert.Equal(PostState.Rejected, rejected.State);
        Assert.Throws<ConflictException>(() => rejected.Approve(board, Now));
        Assert.Throws<ConflictException>(() => rejected.Edit("新标题", Body, Staff, false, Now));
    }

    [Fact]
    public void An_edit_keeps_what_was_there_before_and_a_held_edit_goes_back_to_review()
    {
        var board = NewBoard();
        var thread = Post(board);
        var revision = thread.Edit("新标题", new SafeHtml("<p>新正文</p>", "新正文"), Staff, false, Now);
        Assert.Equal("标题", revision.Title);
        Assert.Equal("<p>正文</p>", revision.Body);
        Assert.Equal("新标题", thread.Title);
        Assert.Equal(Now, thread.EditedAtUtc);
        Assert.Equal(PostState.Published, thread.State);

        thread.Edit("再改", Body, Staff, true, Now);
        Assert.Equal(PostState.PendingReview, thread.State);
    }

    [Fact]
    public void Pin_and_feature_need_a_published_thread()
    {
        var board = NewBoard(ReviewMode.PreReview);
        var waiting = Post(board);
        Assert.Throws<ConflictException>(() => waiting.Pin(true));
        Assert.Throws<ConflictException>(() => waiting.Feature(true));
        waiting.Approve(board, Now);
        waiting.Pin(true);
        waiting.Feature(true);
        Assert.True(waiting.IsPinned && waiting.IsFeatured);
        waiting.Pin(false);
        waiting.Feature(false);
        Assert.False(waiting.IsPinned || waiting.IsFeatured);
    }

    [Fact]
    public void A_closed_or_expired_thread_takes_no_reply_and_an_archived_one_does_not_reopen()
    {
        var board = NewBoard(expiry: 1);
        var thread = Post(board);
        thread.EnsureTakesReplies(Now);
        Assert.Throws<ConflictException>(() => thread.EnsureTakesReplies(Now.AddDays(1)));

        thread.Close();
        Assert.Throws<ConflictException>(() => Reply.Post(board, thread, Body, PostAuthor.Named(Staff, "员工", null), null, false, Now));
        thread.Reopen();
        thread.EnsureTakesReplies(Now);

        thread.Pin(true);
        thread.Expire(ExpiryAction.Archive);
        Assert.True(thread.IsClosed && thread.IsArchived);
        Assert.False(thread.IsPinned);
        Assert.Throws<ConflictException>(() => thread.Reopen());
    }

    [Fact]
    public void A_removed_thread_cannot_be_removed_again_nor_edited()
    {
        var thread = Post(NewBoard());
        thread.Pin(true);
        thread.Remove("违反群规");
        Assert.Equal(PostState.Removed, thread.State);
        Assert.False(thread.IsPinned);
        Assert.Throws<ConflictException>(() => thread.Remove("再删"));
        Assert.Throws<ConflictException>(() => thread.Edit("改", Body, Staff, false, Now));
        Assert.Throws<ConflictException>(() => thread.EnsureTakesReplies(Now));
    }

    [Fact]
    public void A_reply_quotes_only_a_published_reply_of_the_same_thread()
    {
        var board = NewBoard();
        var thread = Post(board);
        var other = Post(board);
        var author = PostAuthor.Named(Staff, "员工", null);
        var first = Reply.Post(board, thread, Body, author, null, false, Now);
        Assert.Equal(PostState.Published, first.State);
        var quoting = Reply.Post(board, thread, Body, author, first, false, Now);
        Assert.Equal(first.Id, quoting.QuotedReplyId);

        var elsewhere = Reply.Post(board, other, Body, author, null, false, Now);
        Assert.Equal("quotedReplyId", Assert.Single(Assert.Throws<ValidationFailedException>(() => Reply.Post(board, thread, Body, author, elsewhere, false, Now)).Errors).Key);
        var held = Reply.Post(board, thread, Body, author, null, true, Now);
        Assert.Equal(PostState.PendingReview, held.State);
        Assert.Throws<ValidationFailedException>(() => Reply.Post(board, thread, Body, author, held, false, Now));
    }

    [Fact]
    public void A_reply_to_a_waiting_thread_or_anonymous_where_not_allowed_is_refused()
    {
        var pre = NewBoard(ReviewMode.PreReview);
        var waiting = Post(pre);
        Assert.Throws<ConflictException>(() => Reply.Post(pre, waiting, Body, PostAuthor.Named(Staff, "员工", null), null, false, Now));
        var board = NewBoard();
        var thread = Post(board);
        Assert.Throws<ValidationFailedException>(() => Reply.Post(board, thread, Body, PostAuthor.Anonymous(Staff, null, "匿名用户#0001"), null, false, Now));
    }

    [Fact]
    public void Replies_are_reviewed_edited_and_removed_in_order()
    {
        var board = NewBoard(ReviewMode.PreReview);
        var thread = Post(board);
        thread.Approve(board, Now);
        var reply = Reply.Post(board, thread, Body, PostAuthor.Named(Staff, "员工", null), null, false, Now);
        Assert.Equal(PostState.PendingReview, reply.State);
        reply.Approve(Now);
        Assert.Equal(PostState.Published, reply.State);
        Assert.Throws<ConflictException>(() => reply.Approve(Now));
        Assert.Throws<ConflictException>(() => reply.Reject("晚了"));
        var revision = reply.Edit(new SafeHtml("<p>改</p>", "改"), Staff, false, Now);
        Assert.Equal(reply.Id, revision.ReplyId);
        Assert.Equal("<p>正文</p>", revision.Body);
        reply.Remove("违规");
        Assert.Throws<ConflictException>(() => reply.Remove("再删"));
        Assert.Throws<ConflictException>(() => reply.Edit(Body, Staff, false, Now));

        var refused = Reply.Post(board, thread, Body, PostAuthor.Named(Staff, "员工", null), null, false, Now);
        refused.Reject("无关内容");
        Assert.Equal(PostState.Rejected, refused.State);
        Assert.Throws<ConflictException>(() => refused.Approve(Now));
    }

    [Fact]
    public void Answers_are_accepted_only_in_a_question_only_when_published_more_than_one_and_taken_back()
    {
        var board = NewBoard();
        var question = Post(board, ThreadKind.Question);
        var author = PostAuthor.Named(Staff, "员工", null);
        var a = Reply.Post(board, question, Body, author, null, false, Now);
        var b = Reply.Post(board, question, Body, author, null, false, Now);
        a.Accept(question);
        b.Accept(question);
        Assert.True(a.IsAccepted && b.IsAccepted);
        a.Unaccept();
        Assert.False(a.IsAccepted);

        var discussion = Post(board);
        var c = Reply.Post(board, discussion, Body, author, null, false, Now);
        Assert.Throws<ConflictException>(() => c.Accept(discussion));

        var held = Reply.Post(board, question, Body, author, null, true, Now);
        Assert.Throws<ConflictException>(() => held.Accept(question));
        b.Remove("违规");
        Assert.False(b.IsAccepted);
    }
}
