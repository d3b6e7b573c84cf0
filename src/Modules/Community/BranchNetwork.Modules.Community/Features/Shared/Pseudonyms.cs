using System.Security.Cryptography;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>
/// A user's pseudonym in a board (CM-3): 匿名用户#4F2A, drawn at random the first time and kept, so it is stable for the
/// user in the board and derivable by nobody from the account (no key to leak, no hash to try). Only the auditor's
/// resolution reads the account behind it.
/// </summary>
internal sealed class Pseudonyms(CommunityDbContext db)
{
    public const string Prefix = "匿名用户#";

    /// <summary>The caller's pseudonym in the board, drawn and added to the save when it is the first.</summary>
    public async Task<string> ForAsync(Guid boardId, Guid userId, CancellationToken ct)
    {
        var kept = await db.Pseudonyms.Where(p => p.BoardId == boardId && p.UserId == userId).Select(p => p.Alias).FirstOrDefaultAsync(ct);
        if (kept is not null)
        {
            return kept;
        }

        var pending = db.ChangeTracker.Entries<Pseudonym>().FirstOrDefault(e => e.Entity.BoardId == boardId && e.Entity.UserId == userId);
        if (pending is not null)
        {
            return pending.Entity.Alias;
        }

        // Four hex digits give 65,536 names a board; a taken one is drawn again, then the name grows.
        for (var length = 4; length <= 8; length += 2)
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var alias = Prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(length / 2));
                if (!await db.Pseudonyms.AnyAsync(p => p.BoardId == boardId && p.Alias == alias, ct))
                {
                    db.Pseudonyms.Add(new Pseudonym(boardId, userId, alias));
                    return alias;
                }
            }
        }

        throw new ConflictException("community.pseudonym_exhausted", DomainText.Get("PseudonymExhausted"));
    }
}
