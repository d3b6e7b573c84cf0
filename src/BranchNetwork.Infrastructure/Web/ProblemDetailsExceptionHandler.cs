using BranchNetwork.Infrastructure.Resources;
using BranchNetwork.SharedKernel.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Infrastructure.Web;

/// <summary>Turns every failure of a user request into RFC 9457 problem details; unknown failures stay 500 but say nothing internal.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, IStringLocalizer<PlatformText> text, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The exception handler sits outside request localisation, whose culture does not flow back out with the
        // exception: take the user's language from the request again, so platform texts below are in it.
        if (httpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            System.Globalization.CultureInfo.CurrentCulture = culture.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = culture.UICulture;
        }

        var (status, title, code, errors) = exception switch
        {
            ValidationFailedException v => (StatusCodes.Status400BadRequest, v.Message, v.Code, v.Errors),
            NotFoundException n => (StatusCodes.Status404NotFound, n.Message, n.Code, null),
            ForbiddenException f => (StatusCodes.Status403Forbidden, f.Message, f.Code, null),
            ConflictException c => (StatusCodes.Status409Conflict, c.Message, c.Code, null),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "The record was changed by someone else; reload and try again.", "concurrency_conflict", null),
            DbUpdateException d when Persistence.DatabaseErrors.IsUniqueViolation(d) => (StatusCodes.Status409Conflict, "Someone saved the same record a moment ago; reload and check.", "duplicate_conflict", null),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "The request body is too large for this endpoint.", RequestBodyLimitMiddleware.Code, null),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } b => JsonProblem(b, json),
            BadHttpRequestException b => (b.StatusCode, b.Message, "bad_request", (IReadOnlyDictionary<string, string[]>?)null),
            InvalidDataException => (StatusCodes.Status400BadRequest, exception.Message, "bad_request", null),
            // A burst beyond the database's connections: nothing was changed, and the client may try again shortly.
            _ when Persistence.DatabaseErrors.IsAtCapacity(exception) => (StatusCodes.Status503ServiceUnavailable, "The service is busy; please try again in a moment.", "database_busy", null),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", "internal_error", null),
        };

        if (status == StatusCodes.Status403Forbidden)
        {
            logger.LogWarning("Denied {Method} {Path} for {User}: {Code}", httpContext.Request.Method, httpContext.Request.Path, httpContext.User.Identity?.Name ?? "(anonymous)", code);
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        // Platform-wide codes get the user's language here; module errors arrive already localised.
        var localised = text[code];
        if (!localised.ResourceNotFound)
        {
            title = localised.Value;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "2";
        }

        var problem = errors is null
            ? new ProblemDetails { Status = status, Title = title }
            : new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value)) { Status = status, Title = title };
        problem.Extensions["code"] = code;

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// A body the JSON reader refused: a field the command does not have (<c>unknown_field</c>), or a value of the wrong
    /// type, both named as a field error in the user's language; anything else (not JSON at all) is <c>bad_request</c>.
    /// </summary>
    private (int Status, string Title, string Code, IReadOnlyDictionary<string, string[]>? Errors) JsonProblem(BadHttpRequestException exception, System.Text.Json.JsonException json)
    {
        var field = FieldOf(json.Path);
        if (json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            // The reader stops at the unknown property: the path ends with its name.
            var message = text["unknown_field.title", field ?? "$"].Value;
            return (StatusCodes.Status400BadRequest, message, "unknown_field", new Dictionary<string, string[]> { [field ?? "$"] = [message] });
        }

        // A value the reader cannot take where a field's value should be (a wrong type, or a token JSON does not
        // have, such as NaN): the caller learns which field to fix.
        if (field is not null && json.BytePositionInLine is not null)
        {
            var message = text["field_wrong_type"].Value;
            return (StatusCodes.Status400BadRequest, text["bad_request"].Value, "bad_request", new Dictionary<string, string[]> { [field] = [message] });
        }

        return (exception.StatusCode, "The request body is not valid JSON for this endpoint.", "bad_request", null);
    }

    /// <summary>The JSON path <c>$.cells[2].value</c> as the field name of the problem details (<c>cells[2].value</c>), or null for the root.</summary>
    private static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null
            : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
            : path.StartsWith("$['", StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal) ? path[3..^2]
            : path.TrimStart('$');
}
