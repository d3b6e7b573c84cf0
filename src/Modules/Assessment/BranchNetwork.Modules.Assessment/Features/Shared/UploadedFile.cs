using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.Shared;

internal static class UploadedFile
{
    /// <summary>The multipart field <c>file</c>, bounded in size; a missing or empty file is a 400 on <c>file</c>.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, IStringLocalizer<AssessmentText> text, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new ValidationFailedException("file", text["ImportNeedsFile"]);
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw new ValidationFailedException("file", text["ImportNeedsFile"]);
        if (file.Length == 0 || file.Length > TableFile.MaxBytes)
        {
            throw new ValidationFailedException("file", text["ImportFileSize"]);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
