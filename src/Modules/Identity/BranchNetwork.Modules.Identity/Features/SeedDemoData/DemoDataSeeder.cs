using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Identity.Features.SeedDemoData;

/// <summary>
/// The demo branch network (示例分行, 支行01..08) and its accounts, all with one password from
/// <c>Demo:Password</c>. Idempotent: adds only what is missing.
/// </summary>
internal sealed class DemoDataSeeder(
    IdentityDbContext db,
    UserManager<BankUser> users,
    IPasswordHasher<BankUser> hasher,
    IConfiguration configuration,
    IClock clock,
    ILogger<DemoDataSeeder> logger) : IDemoDataSeeder
{
    public const string DefaultPassword = "BranchNet#2026";
    public const int SubBranchCount = 8;

    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var password = configuration["Demo:Password"] is { Length: > 0 } configured ? configured : DefaultPassword;
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Code, cancellationToken);

        OrgUnit Unit(string code, string name, OrgUnitKind kind, OrgUnit? parent)
        {
            if (!units.TryGetValue(code, out var unit))
            {
                unit = new OrgUnit(code, name, kind, parent);
                db.OrgUnits.Add(unit);
                units[code] = unit;
            }

            return unit;
        }

        var headOffice = Unit("HO", "示例分行", OrgUnitKind.HeadOffice, null);
        var retail = Unit("HO-RETAIL", "零售条线", OrgUnitKind.BusinessLine, headOffice);
        Unit("HO-CORP", "公司条线", OrgUnitKind.BusinessLine, headOffice);
        var operations = Unit("HO-OPS", "运营条线", OrgUnitKind.BusinessLine, headOffice);
        var community = Unit("HO-COMM", "社群运营条线", OrgUnitKind.BusinessLine, headOffice);
        var subBranches = new List<(OrgUnit Branch, OrgUnit Team)>();
        for (var i = 1; i <= SubBranchCount; i++)
        {
            var branch = Unit($"SB{i:00}", $"支行{i:00}", OrgUnitKind.SubBranch, headOffice);
            var team = Unit($"SB{i:00}-T1", $"支行{i:00}营销团队", OrgUnitKind.Team, branch);
            subBranches.Add((branch, team));
        }

        await db.SaveChangesAsync(cancellationToken);

        // One hash for every demo account: hashing forty times would slow every start and every test.
        var probe = new BankUser();
        var passwordHash = hasher.HashPassword(probe, password);
        var existing = (await db.Users.Select(u => u.NormalizedUserName).ToListAsync(cancellationToken)).ToHashSet();
        var created = 0;

        async Task Account(string userName, string displayName, OrgUnit unit, string position, params string[] roles)
        {
            if (existing.Contains(userName.ToUpperInvariant()))
            {
                return;
            }

            var user = new BankUser
            {
                UserName = userName,
                DisplayName = displayName,
                UnitId = unit.Id,
                Position = position,
                IsDemo = true,
                PasswordHash = passwordHash,
                CreatedAtUtc = clock.UtcNow,
            };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            await users.AddToRolesAsync(user, roles);
            created++;
        }

        await Account("admin", "系统管理员", headOffice, "系统管理员", BankRoles.SystemAdmin);
        await Account("security", "安全管理员", headOffice, "安全管理员", BankRoles.SecurityAdmin);
        await Account("auditor", "审计员", headOffice, "审计", BankRoles.Auditor);
        await Account("taskadmin", "任务管理员", operations, "任务管理员", BankRoles.TaskAdmin);
        await Account("supervisor", "分行督导", retail, "条线经理", BankRoles.HeadOfficeSupervisor);
        // The head-office leader decides money requests above the route's threshold (资源申请, RR-2).
        await Account("leader", "分行分管行长", headOffice, "分管副行长", BankRoles.HeadOfficeSupervisor);
        await Account("moderator", "社群管理员", community, "社群管理", BankRoles.Moderator);
        for (var i = 1; i <= SubBranchCount; i++)
        {
            var (branch, team) = subBranches[i - 1];
            await Account($"head{i:00}", $"支行{i:00}行长", branch, "支行行长", BankRoles.SubBranchHead);
            var staffCount = i == 1 ? 5 : 2;
            for (var s = 1; s <= staffCount; s++)
            {
                await Account($"staff{i:00}{s:00}", $"支行{i:00}员工{s}", team, "客户经理", BankRoles.Staff);
            }
        }

        await Account("manager01", "支行01部门经理", subBranches[0].Branch, "部门经理", BankRoles.DepartmentManager);

        if (created > 0)
        {
            logger.LogInformation("Demo data: created {Count} accounts. Every demo account signs in with the password {Password}", created, password);
        }
        else
        {
            logger.LogInformation("Demo data present. Demo accounts (admin, security, auditor, taskadmin, supervisor, leader, moderator, head01..head08, manager01, staff0101..) use the password {Password}", password);
        }
    }
}
