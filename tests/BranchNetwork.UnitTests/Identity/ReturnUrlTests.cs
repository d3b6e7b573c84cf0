using BranchNetwork.Modules.Identity.Features.SignIn;

namespace BranchNetwork.UnitTests.Identity;

[Trait("Spec", "ORG-4")]
public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/admin/users", "/admin/users")]
    [InlineData("/connect/authorize?client_id=x", "/connect/authorize?client_id=x")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Only_local_paths_are_followed_after_sign_in(string? requested, string expected)
    {
        Assert.Equal(expected, AccountEndpoints.SafeReturnUrl(requested));
    }
}
