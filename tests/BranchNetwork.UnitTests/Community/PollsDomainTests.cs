using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.SharedKernel.Errors;

namespace BranchNetwork.UnitTests.Community;

/// <summary>CM-2 polls in the domain: what a poll accepts, what a ballot may hold, closing.</summary>
[Trait("Spec", "CM-2")]
public sealed class PollsDomainTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);

    private static BoardThread Thread()
    {
        var board = Board.Create(
            new BoardSettings("测试版块", "", "", "", BoardAudienceKind.WholeBranch, null, ReviewMode.PostReview, false, null, ExpiryAction.Close), Guid.NewGuid(), "版主");
        return BoardThread.Post(board, ThreadKind.Discussion, "帖子", new SafeHtml("<p>正文</p>", "正文"), PostAuthor.Named(Guid.NewGuid(), "作者", null), false, Now);
    }

    private static Poll Poll(bool multiple = false, int? max = null, DateTime? closes = null) =>
        Modules.Community.Domain.Poll.Create(Thread(), Guid.NewGuid(), "问题", ["甲", "乙", "丙"], multiple, max, false, PollResultsVisibility.OnVote, closes, Now);

    [Fact]
    public void A_poll_keeps_its_options_in_order_and_a_single_choice_takes_one()
    {
        var poll = Poll();
        Assert.Equal(["甲", "乙", "丙"], poll.Options.OrderBy(o => o.Position).Select(o => o.Text));
        Assert.Equal(1, poll.MaxChoices);
        var ballot = poll.Cast(Guid.NewGuid(), [poll.Options[1].Id], Now);
        Assert.Equal(poll.Options[1].Id, Assert.Single(ballot.Choices).OptionId);
        Assert.Throws<ValidationFailedException>(() => poll.Cast(Guid.NewGuid(), [poll.Options[0].Id, poll.Options[1].Id], Now));
    }

    [Fact]
    public void A_ballot_refuses_foreign_repeated_or_no_options_and_a_closed_poll_refuses_every_ballot()
    {
        var poll = Poll(multiple: true, max: 2);
        Assert.Throws<ValidationFailedException>(() => poll.Cast(Guid.NewGuid(), [Guid.NewGuid()], Now));
        Assert.Throws<ValidationFailedException>(() => poll.Cast(Guid.NewGuid(), [poll.Options[0].Id, poll.Options[0].Id], Now));
        Assert.Throws<ValidationFailedException>(() => poll.Cast(Guid.NewGuid(), [], Now));
        Assert.Throws<ValidationFailedException>(() => poll.Cast(Guid.NewGuid(), [.. poll.Options.Select(o => o.Id)], Now));
        Assert.Equal(2, poll.Cast(Guid.NewGuid(), [poll.Options[0].Id, poll.Options[2].Id], Now).Choices.Count);

        poll.Close(Now);
        Assert.Throws<ConflictException>(() => poll.Cast(Guid.NewGuid(), [poll.Options[0].Id], Now));
        Assert.Throws<ConflictException>(() => poll.Close(Now));
    }

    [Fact]
    public void A_poll_closes_by_itself_at_its_closing_time()
    {
        var poll = Poll(closes: Now.AddHours(1));
        Assert.False(poll.IsClosedAt(Now.AddMinutes(59)));
        Assert.True(poll.IsClosedAt(Now.AddHours(1)));
        Assert.Throws<ConflictException>(() => poll.Cast(Guid.NewGuid(), [poll.Options[0].Id], Now.AddHours(2)));
    }

    [Theory]
    [InlineData("question", "", new[] { "甲", "乙" }, false, null)]
    [InlineData("question", "a\u202Eb", new[] { "甲", "乙" }, false, null)]
    [InlineData("options", "问题", new[] { "甲" }, false, null)]
    [InlineData("options", "问题", new[] { "甲", "甲" }, false, null)]
    [InlineData("options", "问题", new[] { "甲", "乙\u0001" }, false, null)]
    [InlineData("maxChoices", "问题", new[] { "甲", "乙" }, true, 3)]
    [InlineData("maxChoices", "问题", new[] { "甲", "乙" }, false, 2)]
    public void A_wrong_poll_names_its_field(string field, string question, string[] options, bool multiple, int? max)
    {
        var error = Assert.Throws<ValidationFailedException>(() =>
            Modules.Community.Domain.Poll.Create(Thread(), Guid.NewGuid(), question, options, multiple, max, false, PollResultsVisibility.OnVote, null, Now));
        Assert.Contains(field, error.Errors.Keys);
    }

    [Fact]
    public void Twenty_options_are_the_most_and_a_closing_time_in_the_past_is_refused()
    {
        Assert.Equal(20, Modules.Community.Domain.Poll.Create(Thread(), Guid.NewGuid(), "问", [.. Enumerable.Range(1, 20).Select(i => $"项{i}")], false, null, false, PollResultsVisibility.OnClose, null, Now).Options.Count);
        Assert.Throws<ValidationFailedException>(() =>
            Modules.Community.Domain.Poll.Create(Thread(), Guid.NewGuid(), "问", [.. Enumerable.Range(1, 21).Select(i => $"项{i}")], false, null, false, PollResultsVisibility.OnClose, null, Now));
        Assert.Throws<ValidationFailedException>(() =>
            Modules.Community.Domain.Poll.Create(Thread(), Guid.NewGuid(), "问", ["甲", "乙"], false, null, false, PollResultsVisibility.OnClose, Now.AddSeconds(-1), Now));
    }
}
