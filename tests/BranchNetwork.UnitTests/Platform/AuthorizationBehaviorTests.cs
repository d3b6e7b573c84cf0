using BranchNetwork.Infrastructure.Requests;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Authorization;
using BranchNetwork.SharedKernel.Errors;
using Mediator;

namespace BranchNetwork.UnitTests.Platform;

[Trait("Spec", "ORG-2")]
public sealed class AuthorizationBehaviorTests
{
    [AllowedRoles("Auditor", "SystemAdmin")]
    private sealed record AuditorsQuery : IQuery<int>;

    [AnySignedInUser]
    private sealed record AnyoneQuery : IQuery<int>;

    [SystemRequest]
    private sealed record JobCommand : ICommand<int>;

    private sealed record UndeclaredQuery : IQuery<int>;

    [Fact]
    public async Task A_user_holding_one_of_the_declared_roles_reaches_the_handler()
    {
        Assert.Equal(42, await SendAsync(new AuditorsQuery(), User.SignedIn("SystemAdmin")));
    }

    [Fact]
    public async Task A_user_without_a_declared_role_is_refused_before_the_handler()
    {
        var handled = false;

        var denied = await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new AuditorsQuery(), User.SignedIn("Staff"), () => handled = true));

        Assert.Equal("auth.role_required", denied.Code);
        Assert.False(handled);
    }

    [Fact]
    public async Task Nobody_signed_in_is_told_to_sign_in_for_a_role_or_any_user_request()
    {
        Assert.Equal("auth.not_signed_in", (await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new AuditorsQuery(), User.Anonymous))).Code);
        Assert.Equal("auth.not_signed_in", (await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new AnyoneQuery(), User.Anonymous))).Code);
        Assert.Equal(42, await SendAsync(new AnyoneQuery(), User.SignedIn("Staff")));
    }

    [Fact]
    public async Task A_system_request_runs_with_nobody_signed_in_and_is_refused_to_a_user()
    {
        Assert.Equal(42, await SendAsync(new JobCommand(), User.Anonymous));

        var denied = await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new JobCommand(), User.SignedIn("SystemAdmin")));
        Assert.Equal("auth.system_only", denied.Code);
    }

    [Fact]
    public async Task A_request_without_a_declaration_is_refused_even_to_an_administrator()
    {
        var denied = await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new UndeclaredQuery(), User.SignedIn("SystemAdmin")));
        Assert.Equal("auth.undeclared", denied.Code);
    }

    private static async Task<int> SendAsync<TRequest>(TRequest request, ICurrentUser user, Action? onHandled = null)
        where TRequest : IMessage
    {
        var behavior = new AuthorizationBehavior<TRequest, int>(user);
        return await behavior.Handle(request, (_, _) =>
        {
            onHandled?.Invoke();
            return new ValueTask<int>(42);
        }, CancellationToken.None);
    }

    private sealed class User(bool signedIn, params string[] roles) : ICurrentUser
    {
        public static readonly User Anonymous = new(false);

        public bool IsAuthenticated => signedIn;

        public Guid? UserId => signedIn ? Guid.Empty : null;

        public string? UserName => signedIn ? "someone" : null;

        public IReadOnlyCollection<string> Roles => roles;

        public static User SignedIn(params string[] roles) => new(true, roles);

        public bool IsInRole(string role) => signedIn && roles.Contains(role);

        public Guid RequireUserId() => UserId ?? throw new ForbiddenException("auth.not_signed_in", "Sign-in required.");
    }
}
