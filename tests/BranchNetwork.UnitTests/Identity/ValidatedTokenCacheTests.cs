using System.Security.Claims;
using BranchNetwork.Modules.Identity.Features.IssueTokens;

namespace BranchNetwork.UnitTests.Identity;

/// <summary>
/// The kept principal of a validated token is copied down to its claims for each call: OpenIddict's later handlers add
/// claims to the principal they get, and two calls with one token at the same moment must not add to the same identity.
/// </summary>
[Trait("Spec", "ORG-4")]
public sealed class ValidatedTokenCacheTests
{
    [Fact]
    public void Each_call_gets_identities_and_claims_of_its_own()
    {
        var kept = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "u1"), new Claim("role", "Staff")], "Bearer"));

        // The framework's Clone() hands out the same identity: the reason for Copy.
        Assert.Same(kept.Identities.Single(), kept.Clone().Identities.Single());

        var first = ValidatedTokenCache.Copy(kept);
        var second = ValidatedTokenCache.Copy(kept);
        first.Identities.Single().AddClaim(new Claim("oi_tkn_id", "t1"));

        Assert.NotSame(kept.Identities.Single(), first.Identities.Single());
        Assert.Equal(2, kept.Claims.Count());
        Assert.Equal(2, second.Claims.Count());
        Assert.Equal(3, first.Claims.Count());
        Assert.Equal("Bearer", second.Identity?.AuthenticationType);
        Assert.Equal("u1", second.FindFirst("sub")?.Value);
    }
}
