using Microsoft.AspNetCore.Identity;

namespace BranchNetwork.Modules.Identity.Domain;

/// <summary>A person with an account. Accounts are disabled, never deleted.</summary>
internal sealed class BankUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;
    public const int PositionMaxLength = 100;

    public BankUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string DisplayName { get; set; } = "";

    public Guid UnitId { get; set; }

    public string? Position { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Seeded demo account: may skip 2FA enrolment, in Development only.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class BankRole : IdentityRole<Guid>
{
    public BankRole()
    {
        Id = Guid.CreateVersion7();
    }

    public BankRole(string name)
        : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
