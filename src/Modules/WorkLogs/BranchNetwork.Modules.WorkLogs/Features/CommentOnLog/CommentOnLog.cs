using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.WorkLogs.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.CommentOnLog;

/// <summary>A comment as written, with its writer's name and time.</summary>
internal sealed record CommentView(Guid Id, Guid LogId, Guid AuthorId, string AuthorName, string Text, DateTime WrittenAtUtc);

/// <summary>
/// WL-3 点评: whoever may read a submitted log comments on it; the author is notified (inbox, with the log's link) and
/// the author's open page of the log re-reads at once. The author's own replies notify nobody.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
internal sealed record CommentOnLogCommand(Guid LogId, string Text) : ICommand<CommentView>;

internal sealed class CommentOnLogValidator : AbstractValidator<CommentOnLogCommand>
{
    public CommentOnLogValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(LogComment.TextMaxLength).WithName(_ => DomainText.Get("Reading_CommentText"));
        // Line breaks and tabs are how people write; other control characters and text-direction overrides only disguise.
        RuleFor(c => c.Text).Must(BePlainText).WithName(_ => DomainText.Get("Reading_CommentText")).WithMessage(_ => DomainText.Get("Reading_CommentControl"));
    }

    private static bool BePlainText(string? text) =>
        text is null || (!TextGuard.HasBidiControl(text) && !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')));
}

internal sealed class CommentOnLogHandler(WorkLogsDbContext db, ReadingLogs reading, IClock clock) : ICommandHandler<CommentOnLogCommand, CommentView>
{
    private const int QuoteLength = 60;

    public async ValueTask<CommentView> Handle(CommentOnLogCommand command, CancellationToken cancellationToken)
    {
        var me = reading.Access.User.RequireUserId();
        var log = await reading.ReadableAsync(command.LogId, cancellationToken);
        var name = await reading.MyNameAsync(cancellationToken);
        var comment = LogComment.On(log, me, name, command.Text, clock);
        db.Comments.Add(comment);
        if (log.AuthorId != me)
        {
            var day = ChinaTime.ToDisplay(log.Day);
            db.AddIntegrationEvent(new NotificationsRequested(
                Guid.CreateVersion7(),
                clock.UtcNow,
                ReadingLogs.NotificationKind,
                [new NotificationItem(
                    [log.AuthorId],
                    ReadingLogs.Text("Reading_NotifyCommentTitle", name, day),
                    ReadingLogs.Text("Reading_NotifyCommentBody", Quote(comment.Text)),
                    WorkLogLinks.Log(log.Id))]));
            reading.SignalAuthor(log);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CommentView(comment.Id, log.Id, comment.AuthorId, comment.AuthorName, comment.Text, comment.WrittenAtUtc);
    }

    private static string Quote(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= QuoteLength ? line : line[..QuoteLength] + "…";
    }
}

internal static class CommentOnLogEndpoint
{
    internal sealed record CommentOnLogBody(string Text);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/logs/{id:guid}/comments", async Task<Created<CommentView>> (Guid id, CommentOnLogBody body, ISender sender, CancellationToken ct) =>
            {
                var comment = await sender.Send(new CommentOnLogCommand(id, body.Text), ct);
                return TypedResults.Created($"/api/worklogs/logs/{id}", comment);
            })
            .WithName("CommentOnWorkLog")
            .WithSummary("A reader comments on a submitted daily log (≤ 1,000 characters); the author is notified live (WL-3).");
}
