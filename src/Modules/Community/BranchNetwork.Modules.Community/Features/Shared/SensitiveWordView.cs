namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>A word of the sensitive-word list as its page shows it.</summary>
internal sealed record SensitiveWordView(Guid Id, string Word, SensitiveWordAction Action, DateTime UpdatedAtUtc, long Version)
{
    public static SensitiveWordView Of(SensitiveWord w) => new(w.Id, w.Word, w.Action, w.UpdatedAtUtc, w.Version);
}
