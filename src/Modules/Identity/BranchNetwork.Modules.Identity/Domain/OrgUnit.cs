using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Identity.Domain;

/// <summary>A unit of the organisation tree: head office, business line, sub-branch or team (ORG-1).</summary>
internal sealed class OrgUnit : Entity
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;

    private OrgUnit()
    {
    }

    public OrgUnit(string code, string name, OrgUnitKind kind, OrgUnit? parent)
    {
        if (!IsAllowedUnder(kind, parent?.Kind))
        {
            throw new ArgumentException($"A {kind} cannot be placed under {parent?.Kind.ToString() ?? "nothing"}.", nameof(parent));
        }

        Code = code;
        Name = name;
        Kind = kind;
        ParentId = parent?.Id;
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public OrgUnitKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public bool IsRetired { get; private set; }

    public void Rename(string name) => Name = name;

    public void Retire() => IsRetired = true;

    /// <summary>The tree's shape: one head office at the root; lines and sub-branches under it; teams inside sub-branches.</summary>
    public static bool IsAllowedUnder(OrgUnitKind kind, OrgUnitKind? parentKind) => (kind, parentKind) switch
    {
        (OrgUnitKind.HeadOffice, null) => true,
        (OrgUnitKind.BusinessLine, OrgUnitKind.HeadOffice) => true,
        (OrgUnitKind.SubBranch, OrgUnitKind.HeadOffice) => true,
        (OrgUnitKind.Team, OrgUnitKind.SubBranch) => true,
        (OrgUnitKind.Team, OrgUnitKind.BusinessLine) => true,
        _ => false,
    };

    public OrgUnitInfo ToInfo() => new(Id, Code, Name, Kind, ParentId, IsRetired);
}
