using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Features.GrantRole;

namespace BranchNetwork.UnitTests.Identity;

[Trait("Spec", "ORG-2")]
public sealed class SeparationOfDutiesTests
{
    [Theory]
    [InlineData(BankRoles.SystemAdmin, BankRoles.Auditor)]
    [InlineData(BankRoles.SystemAdmin, BankRoles.SecurityAdmin)]
    [InlineData(BankRoles.SecurityAdmin, BankRoles.Auditor)]
    [InlineData(BankRoles.Auditor, BankRoles.SystemAdmin)]
    public void Holding_one_of_the_three_admin_roles_forbids_the_others(string held, string requested)
    {
        Assert.Equal(held, SeparationOfDuties.Conflict([BankRoles.Staff, held], requested));
    }

    [Theory]
    [InlineData(BankRoles.SystemAdmin, BankRoles.TaskAdmin)]
    [InlineData(BankRoles.Auditor, BankRoles.Staff)]
    [InlineData(BankRoles.SubBranchHead, BankRoles.Auditor)]
    [InlineData(BankRoles.SystemAdmin, BankRoles.SystemAdmin)]
    public void Other_combinations_are_allowed(string held, string requested)
    {
        Assert.Null(SeparationOfDuties.Conflict([held], requested));
    }
}
