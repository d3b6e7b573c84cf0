namespace BranchNetwork.SharedKernel.Errors;

/// <summary>
/// A failure a user can cause and understand. One exception handler maps each kind to RFC 9457
/// problem details (ADR 0005); nothing has been changed when one of these is thrown.
/// </summary>
public abstract class AppException : Exception
{
    protected AppException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>A stable machine-readable code, e.g. <c>identity.user_not_found</c>.</summary>
    public string Code { get; }
}

/// <summary>400: input failed validation; <see cref="Errors"/> holds messages per field.</summary>
public sealed class ValidationFailedException : AppException
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors, string? message = null)
        : base("validation_failed", message ?? "One or more fields are invalid.")
    {
        Errors = errors;
    }

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }, message)
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>404: the thing does not exist, or the user may not know that it exists (ORG-3).</summary>
public sealed class NotFoundException(string code, string message) : AppException(code, message);

/// <summary>403: the user is known but their role or organisational scope does not allow this.</summary>
public sealed class ForbiddenException(string code, string message) : AppException(code, message);

/// <summary>409: someone else changed the record first, or the state does not allow the change.</summary>
public sealed class ConflictException(string code, string message) : AppException(code, message);

/// <summary>
/// The code of a refusal answered without an exception (the authorisation middleware's 403 before the body is read),
/// set on the request's features so the access log records it like a refusal the handler threw.
/// </summary>
public sealed record RefusalCodeFeature(string Code);
