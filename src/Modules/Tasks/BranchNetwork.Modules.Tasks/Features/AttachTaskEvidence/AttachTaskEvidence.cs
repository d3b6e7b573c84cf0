using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.AttachTaskEvidence;

/// <summary>What an uploaded evidence file is to the task: its id goes into the write-off.</summary>
internal sealed record TaskEvidence(Guid Id, string FileName, long SizeBytes, string ContentType, string DownloadUrl);

/// <summary>
/// TK-2 write-off evidence, as appeal evidence works: an assignee uploads the file to the open task first (the file
/// store checks type by content, the 10 MB limit and the name, and asks <see cref="TaskEvidencePolicy"/> again), then
/// names its id in the write-off.
/// </summary>
[AnySignedInUser]
[RequestBodyLimit(10 * 1024 * 1024 + RequestBodyLimitAttribute.MultipartOverhead)]
internal sealed record AttachTaskEvidenceCommand(Guid TaskId, string FileName, Stream Content) : ICommand<TaskEvidence>;

internal sealed class AttachTaskEvidenceHandler(TasksDbContext db, TasksAccess access, IFileStore files) : ICommandHandler<AttachTaskEvidenceCommand, TaskEvidence>
{
    public async ValueTask<TaskEvidence> Handle(AttachTaskEvidenceCommand command, CancellationToken cancellationToken)
    {
        var task = await db.ReadableTaskAsync(access, command.TaskId, cancellationToken);
        if (!task.IsAssignedTo(access.User.RequireUserId()))
        {
            throw new ForbiddenException("tasks.not_assignee", DomainText.Get("NotAssignee"));
        }

        if (task.State != WeeklyTaskState.Open)
        {
            throw DomainText.WrongState("TaskNotOpen");
        }

        var stored = await files.SaveAsync(WeekTasks.EvidencePurpose.Name, task.Id, command.FileName, command.Content, cancellationToken);
        return new TaskEvidence(stored.Id, stored.FileName, stored.SizeBytes, stored.ContentType, stored.ApiPath);
    }
}

/// <summary>
/// Who reads and attaches a task's evidence: whoever may read the task reads it (its sub-branch, head office's
/// readers); only an assignee attaches, while the task is open. Everyone else is not told the task exists.
/// </summary>
internal sealed class TaskEvidencePolicy(TasksDbContext db, TasksAccess access) : IFileAccessPolicy
{
    public FilePurpose Purpose => WeekTasks.EvidencePurpose;

    public async Task<FileOwnerAccess> GetAccessAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().Include(t => t.Assignees).FirstOrDefaultAsync(t => t.Id == ownerId, cancellationToken);
        if (task is null || !await access.CanReadSubBranchAsync(task.SubBranchId, cancellationToken))
        {
            return FileOwnerAccess.None;
        }

        return task.State == WeeklyTaskState.Open && access.User.UserId is { } me && task.IsAssignedTo(me)
            ? FileOwnerAccess.ReadAndAttach
            : FileOwnerAccess.Read;
    }
}

internal static class AttachTaskEvidenceEndpoint
{
    public const string FileField = "file";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id:guid}/evidence", async Task<Created<TaskEvidence>> (Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var file = await UploadedFile.FormFileAsync(request, FileField, DomainText.Get("NeedsFile"), ct)
                    ?? throw new ValidationFailedException(FileField, DomainText.Get("NeedsFile"));
                await using var content = file.OpenReadStream();
                var evidence = await sender.Send(new AttachTaskEvidenceCommand(id, file.FileName, content), ct);
                return TypedResults.Created(evidence.DownloadUrl, evidence);
            })
            .WithName("AttachTaskEvidence")
            .WithSummary("Uploads an evidence file (multipart field `file`: PDF, PNG, JPEG, xlsx, docx or UTF-8 text, at most 10 MB) to an open task (an assignee); its id goes into the write-off.");
}
