using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Domain;

namespace BranchNetwork.UnitTests.Identity;

[Trait("Spec", "ORG-1")]
public sealed class OrgUnitTests
{
    [Theory]
    [InlineData(OrgUnitKind.HeadOffice, null, true)]
    [InlineData(OrgUnitKind.BusinessLine, OrgUnitKind.HeadOffice, true)]
    [InlineData(OrgUnitKind.SubBranch, OrgUnitKind.HeadOffice, true)]
    [InlineData(OrgUnitKind.Team, OrgUnitKind.SubBranch, true)]
    [InlineData(OrgUnitKind.Team, OrgUnitKind.BusinessLine, true)]
    [InlineData(OrgUnitKind.SubBranch, OrgUnitKind.Team, false)]
    [InlineData(OrgUnitKind.SubBranch, null, false)]
    [InlineData(OrgUnitKind.HeadOffice, OrgUnitKind.HeadOffice, false)]
    [InlineData(OrgUnitKind.Team, OrgUnitKind.Team, false)]
    public void The_tree_keeps_its_bank_shape(OrgUnitKind kind, OrgUnitKind? parent, bool allowed)
    {
        Assert.Equal(allowed, OrgUnit.IsAllowedUnder(kind, parent));
    }

    [Fact]
    public void A_unit_cannot_be_built_under_the_wrong_parent()
    {
        var headOffice = new OrgUnit("HO", "示例分行", OrgUnitKind.HeadOffice, null);
        var team = new OrgUnit("T", "团队", OrgUnitKind.BusinessLine, headOffice);

        Assert.Throws<ArgumentException>(() => new OrgUnit("SB", "支行", OrgUnitKind.SubBranch, team));
        Assert.Equal(headOffice.Id, new OrgUnit("SB01", "支行01", OrgUnitKind.SubBranch, headOffice).ParentId);
    }
}
