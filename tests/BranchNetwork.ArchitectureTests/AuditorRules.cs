using BranchNetwork.Infrastructure.Requests;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Authorization;
using BranchNetwork.SharedKernel.Errors;

namespace BranchNetwork.ArchitectureTests;

/// <summary>
/// Finding 2 of issue 9: an Auditor writes nothing, anywhere (ORG-2). Two rules: no command lists the Auditor among
/// its roles, and the mediator refuses every command to an Auditor whatever it declares (<c>[AnySignedInUser]</c>
/// included), except the few marked <see cref="OwnAccountOnlyAttribute"/>, which touch only the caller's own inbox.
/// </summary>
public sealed class AuditorRules
{
    [Fact]
    public void The_read_only_role_is_the_auditor()
    {
        Assert.Equal(BankRoles.Auditor, ReadOnlyRoles.Auditor);
    }

    [Fact]
    public void No_command_of_a_module_lets_the_auditor_write()
    {
        var commands = Solution.Modules.SelectMany(RequestRules.RequestTypes).Where(RequestAuthorization.IsCommand).ToList();

        Assert.True(commands.Count >= 20, $"only {commands.Count} commands found");
        var violations = Violations(commands);
        Assert.True(violations.Count == 0, "Commands an Auditor could send:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Queries_are_not_commands()
    {
        Assert.False(RequestAuthorization.IsCommand(typeof(Fixtures.Requests.DeclaredQuery)));
        Assert.True(RequestAuthorization.IsCommand(typeof(Fixtures.Requests.AnyoneMayWriteCommand)));
    }

    [Fact]
    public void The_auditor_rule_fails_for_a_command_that_names_the_auditor_or_an_own_account_command_with_roles()
    {
        var fixtures = RequestRules.RequestTypes(typeof(AuditorRules).Assembly)
            .Where(t => t.Namespace == "BranchNetwork.ArchitectureTests.Fixtures.Requests" && RequestAuthorization.IsCommand(t) && RequestAuthorization.Read(t).IsValid)
            .ToList();

        var violations = Violations(fixtures);

        Assert.Contains(violations, v => v.Contains(".AuditorWritesCommand:", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains(".OwnAccountWithRolesCommand:", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(".AnyoneMayWriteCommand:", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(".OwnInboxCommand:", StringComparison.Ordinal));
    }

    private static List<string> Violations(IEnumerable<Type> commands)
    {
        var auditor = new FixedUser(ReadOnlyRoles.Auditor, BankRoles.Staff);
        var violations = new List<string>();
        foreach (var command in commands)
        {
            var declaration = RequestAuthorization.Read(command);
            var ownAccount = Attribute.IsDefined(command, typeof(OwnAccountOnlyAttribute));
            if (declaration.Roles.Contains(ReadOnlyRoles.Auditor))
            {
                violations.Add($"{command.FullName}: [AllowedRoles] names the Auditor");
            }

            if (ownAccount && declaration.Kind != RequestAuthorization.DeclarationKind.AnySignedIn)
            {
                violations.Add($"{command.FullName}: [OwnAccountOnly] belongs on an [AnySignedInUser] command only");
            }

            // What the mediator does at run time for an Auditor who also holds a business role.
            var refused = false;
            try
            {
                RequestAuthorization.Ensure(command, auditor);
            }
            catch (ForbiddenException)
            {
                refused = true;
            }

            if (!refused && !ownAccount)
            {
                violations.Add($"{command.FullName}: the mediator lets an Auditor send it");
            }
        }

        return violations;
    }

    private sealed class FixedUser(params string[] roles) : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid? UserId { get; } = Guid.NewGuid();

        public string? UserName => "auditor";

        public IReadOnlyCollection<string> Roles => roles;

        public bool IsInRole(string role) => roles.Contains(role);

        public Guid RequireUserId() => UserId!.Value;
    }
}
