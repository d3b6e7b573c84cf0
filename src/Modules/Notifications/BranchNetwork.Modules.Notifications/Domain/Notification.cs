namespace BranchNetwork.Modules.Notifications.Domain;

/// <summary>One entry in one user's inbox (NT-1). Kept after reading; the inbox is the record of what the user was told.</summary>
internal sealed class Notification
{
    public const int KindMaxLength = 64;
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 10_000;
    public const int LinkMaxLength = 512;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RecipientId { get; set; }

    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    /// <summary>The integration event that caused it.</summary>
    public Guid SourceEventId { get; set; }
}

/// <summary>An announcement (分行通知) from head office to an audience.</summary>
internal sealed class Announcement : SharedKernel.Entity
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 10_000;

    public string Title { get; set; } = "";

    /// <summary>Sanitised HTML.</summary>
    public string Body { get; set; } = "";

    public Guid AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public Guid? UnitId { get; set; }

    public string? Role { get; set; }
}
