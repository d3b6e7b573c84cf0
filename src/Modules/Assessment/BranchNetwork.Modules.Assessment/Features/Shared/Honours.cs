namespace BranchNetwork.Modules.Assessment.Features.Shared;

internal sealed record HonourDto(Guid Id, Guid SchemeId, string Title, string SubjectKind, Guid SubjectId, string SubjectName, Guid? SubBranchId, string? Citation, string AwardedByName, DateTime AwardedAt)
{
    public static HonourDto From(Honour h) => new(h.Id, h.SchemeId, h.Title, h.SubjectKind, h.SubjectId, h.SubjectName, h.SubBranchId, h.Citation, h.AwardedByName, h.CreatedAtUtc);
}
