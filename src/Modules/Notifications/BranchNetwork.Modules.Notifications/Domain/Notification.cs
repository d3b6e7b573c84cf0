namespace BranchNetwork.Modules.Notifications.Domain;

/// <summary>One entry in one user's inbox (NT-1). Kept after reading; the inbox is the record of what the user was told.</summary>
internal sealed class Notification
{
    public const string AnnouncementKind = "announcement";
    public const int KindMaxLength = 64;
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 10_000;
    public const int LinkMaxLength = 512;
    public const int KeyMaxLength = 200;
    public const int ArgsMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RecipientId { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>Literal text (announcements); for a keyed notification, its Chinese rendering kept as a fallback.</summary>
    public string Title { get; set; } = "";

    /// <summary>Sanitised HTML for announcements; plain text otherwise.</summary>
    public string Body { get; set; } = "";

    /// <summary><c>prefix:Key</c> of a module text resource, rendered in the reader's language when shown; null for literal text.</summary>
    public string? TitleKey { get; set; }

    /// <summary>The title's arguments as a JSON array of strings (shown as text, never markup).</summary>
    public string? TitleArgs { get; set; }

    public string? BodyKey { get; set; }

    public string? BodyArgs { get; set; }

    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    /// <summary>The integration event that caused it.</summary>
    public Guid SourceEventId { get; set; }

    /// <summary>Which item of the event (one event may notify the same person of two things, e.g. two sheets).</summary>
    public int SourceItem { get; set; }

    /// <summary>Only announcements carry markup, and only after the sanitiser.</summary>
    public static bool IsHtml(string kind) => kind == AnnouncementKind;
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
