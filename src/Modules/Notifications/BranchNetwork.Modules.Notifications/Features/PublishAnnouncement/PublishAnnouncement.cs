using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Features.Shared;
using BranchNetwork.Modules.Notifications.Resources;
using FluentValidation;
using Ganss.Xss;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Notifications.Features.PublishAnnouncement;

/// <summary>An announcement (分行通知). No audience means every user; a unit includes its children; a role narrows it.</summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.SystemAdmin)]
internal sealed record PublishAnnouncementCommand(string Title, string Body, Guid? UnitId, string? Role) : ICommand<AnnouncementSummary>;

internal sealed class PublishAnnouncementValidator : AbstractValidator<PublishAnnouncementCommand>
{
    public PublishAnnouncementValidator(IOrganisationDirectory directory, IStringLocalizer<NotificationsText> text)
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Announcement.TitleMaxLength).NoControlCharacters();
        RuleFor(c => c.Body).NotEmpty().MaximumLength(Announcement.BodyMaxLength);
        RuleFor(c => c.Role).Must(r => r is null || BankRoles.IsKnown(r)).WithMessage(text["RoleUnknown"]).NoControlCharacters();
        RuleFor(c => c.UnitId)
            .MustAsync(async (id, ct) => id is null || await directory.FindUnitAsync(id.Value, ct) is { IsRetired: false })
            .WithMessage(text["UnitUnknown"]);
    }
}

internal sealed class PublishAnnouncementHandler(
    NotificationsDbContext db,
    ICurrentUser currentUser,
    IClock clock,
    OutboxProcessor outbox,
    IHtmlSanitizer sanitizer,
    IStringLocalizer<NotificationsText> text) : ICommandHandler<PublishAnnouncementCommand, AnnouncementSummary>
{
    public async ValueTask<AnnouncementSummary> Handle(PublishAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var body = sanitizer.Sanitize(command.Body).Trim();
        if (body.Length == 0)
        {
            throw new SharedKernel.Errors.ValidationFailedException("body", text["BodyEmptyAfterSanitising"]);
        }

        var announcement = new Announcement
        {
            Title = command.Title.Trim(),
            Body = body,
            AuthorId = currentUser.RequireUserId(),
            AuthorName = currentUser.DisplayName ?? "",
            UnitId = command.UnitId,
            Role = command.Role,
        };
        db.Announcements.Add(announcement);
        // Same transaction: the announcement and the event that fans it out are stored together or not at all.
        db.AddIntegrationEvent(new AnnouncementPublished(Guid.CreateVersion7(), clock.UtcNow, announcement.Id, announcement.Title, announcement.Body, command.UnitId, command.Role));
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return new AnnouncementSummary(announcement.Id, announcement.Title, announcement.Body, announcement.AuthorName, announcement.UnitId, announcement.Role, announcement.CreatedAtUtc);
    }
}
