using System.Security.Claims;
using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Host.Components.Pages;

/// <summary>What each role sees first (SPEC §9): a to-do list per role; empty states explain what will appear.</summary>
internal static class HomeCards
{
    public sealed record Card(string Key, string? Link);

    private static readonly (string Role, Card[] Cards)[] ByRole =
    [
        (BankRoles.SubBranchHead, [new("SheetStanding", "/assessment"), new("Warnings", "/assessment/warnings"), new("TeamTasks", null), new("MissingLogs", null)]),
        (BankRoles.HeadOfficeSupervisor, [new("BehindUnits", "/assessment"), new("PlansToReview", null), new("RequestsAtMyStep", null)]),
        (BankRoles.DepartmentManager, [new("TeamTasks", null), new("MissingLogs", null)]),
        (BankRoles.AccountingSupervisor, [new("TeamTasks", null), new("MissingLogs", null)]),
        (BankRoles.Staff, [new("MyTasks", null), new("TodayLog", null), new("MyPoints", null)]),
        (BankRoles.TaskAdmin, [new("DraftSchemes", "/assessment"), new("MissingTargets", "/assessment"), new("Indicators", "/assessment/indicators")]),
        (BankRoles.Auditor, [new("AccessLog", "/audit/access-log"), new("ChainVerification", null)]),
        (BankRoles.Moderator, [new("ReviewQueue", null), new("Reports", null)]),
        (BankRoles.SystemAdmin, [new("ManageUsers", "/admin/users"), new("ImportUsers", "/admin/users/import"), new("OrgTree", "/organisation")]),
        (BankRoles.SecurityAdmin, [new("RoleGrants", "/admin/users"), new("OrgTree", "/organisation")]),
    ];

    public static IEnumerable<Card> For(ClaimsPrincipal user) =>
        ByRole.Where(r => user.IsInRole(r.Role)).SelectMany(r => r.Cards).DistinctBy(c => c.Key);
}
