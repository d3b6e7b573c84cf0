using BranchNetwork.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Infrastructure.Text;

public static class UploadedFile
{
    /// <summary>
    /// The multipart field <c>file</c>, bounded to <see cref="TableFile.MaxBytes"/>; a missing, empty or too large
    /// file is a 400 on <c>file</c> with the module's <c>ImportNeedsFile</c> / <c>ImportFileSize</c> text.
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, IStringLocalizer text, CancellationToken ct)
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
