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
/// <remarks>
/// A text whose field is <c>body</c> (or ends in <c>Body</c>/<c>Html</c>) is read as the sanitised HTML: only its text is
/// matched and masked, never its tags (see <see cref="SensitiveWordMatcher"/>); a caller that keeps the plain text beside
/// the HTML takes it again from the masked HTML (<c>RichText.PlainText</c>). Pseudonyms are 匿名用户# and random hex
/// digits: they carry no word a moderator would list, so they are not screened.
/// </remarks>
internal sealed class PostingRules(CommunityDbContext db, IClock clock)
{
    /// <summary>403 <c>community.banned</c> when the user is banned from this board or the whole community.</summary>
    public async Task EnsureMayPostAsync(Guid boardId, Guid userId, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var ends = await db.Sanctions.AsNoTracking()
            .Where(s => s.UserId == userId && s.Kind == SanctionKind.Ban && s.LiftedAtUtc == null && s.EndsAtUtc > now
                && (s.BoardId == null || s.BoardId == boardId))
            .Select(s => (DateTime?)s.EndsAtUtc)
            .ToListAsync(ct);
        if (ends.Count > 0)
        {
            var until = ends.Max()!.Value;
            throw new ForbiddenException("community.banned", DomainText.Format("Banned", ChinaTime.ToDisplay(until)));
        }
    }

    /// <summary>Screens the texts (each named by its field for a block's error); returns them masked and whether to hold.</summary>
    public async Task<ScreenedTexts> ScreenAsync(IReadOnlyList<(string Field, string Text)> texts, CancellationToken ct)
    {
        var words = await WordsAsync(ct);
        if (words.Count == 0)
        {
            return new ScreenedTexts(ScreenOutcome.Allow, texts.Select(t => t.Text).ToList());
        }

        var hold = false;
        var result = new List<string>(texts.Count);
        var blocked = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, text) in texts)
        {
            var scan = SensitiveWordMatcher.Scan(text ?? "", words, IsHtml(field));
            var block = scan.Found.FirstOrDefault(f => f.Action == SensitiveWordAction.Block);
            if (block is not null && !blocked.ContainsKey(field))
            {
                blocked[field] = [DomainText.Format("SensitiveWordBlocked", block.Word)];
            }

            hold |= scan.Holds;
            result.Add(scan.Masked);
        }

        if (blocked.Count > 0)
        {
            throw new ValidationFailedException(blocked);
        }

        return new ScreenedTexts(hold ? ScreenOutcome.Hold : ScreenOutcome.Allow, result);
    }

    /// <summary>The list as the matcher reads it (a few thousand words at most).</summary>
    public async Task<IReadOnlyList<SensitiveWordRule>> WordsAsync(CancellationToken ct) =>
        await db.SensitiveWords.AsNoTracking()
            .OrderBy(w => w.Action)
            .Select(w => new SensitiveWordRule(w.Word, w.Normalized, w.Action))
            .ToListAsync(ct);

    public static bool IsHtml(string field) =>
        field.Equals("body", StringComparison.OrdinalIgnoreCase)
        || field.EndsWith("Body", StringComparison.Ordinal)
        || field.EndsWith("Html", StringComparison.OrdinalIgnoreCase);
}
