using BranchNetwork.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Infrastructure.Text;

public static class UploadedFile
{
    /// <summary>
    /// The multipart field <c>file</c>, bounded to <paramref name="maxBytes"/> (default <see cref="TableFile.MaxBytes"/>);
    /// a missing, broken, empty or too large file is a 400 on <c>file</c> with the module's <c>ImportNeedsFile</c> /
    /// <c>ImportFileSize</c> text.
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, IStringLocalizer text, CancellationToken ct, long maxBytes = TableFile.MaxBytes)
    {
        if (!request.HasFormContentType)
        {
            throw new ValidationFailedException("file", text["ImportNeedsFile"]);
        }

        var file = await FormFileAsync(request, "file", text["ImportNeedsFile"], ct) ?? throw new ValidationFailedException("file", text["ImportNeedsFile"]);
        if (file.Length == 0 || file.Length > maxBytes)
        {
            throw new ValidationFailedException("file", text["ImportFileSize"]);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>
    /// The multipart field <paramref name="field"/>, or null when the request has none. A multipart body that breaks
    /// off or never closes its boundary is the caller's fault: a 400 on the field, not an <see cref="IOException"/>
    /// escaping as a 500.
    /// </summary>
    public static async Task<IFormFile?> FormFileAsync(HttpRequest request, string field, string brokenText, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return (await request.ReadFormAsync(ct)).Files.GetFile(field);
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !ct.IsCancellationRequested)
        {
            throw new ValidationFailedException(field, brokenText);
        }
    }
}
