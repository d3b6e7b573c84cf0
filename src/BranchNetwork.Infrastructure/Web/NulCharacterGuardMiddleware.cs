using BranchNetwork.Infrastructure.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Infrastructure.Web;

/// <summary>
/// Refuses NUL characters in the query string and in form posts (sign-in, token requests) with a
/// 400 before they reach Identity or OpenIddict, which would pass them to the database. JSON
/// bodies become Mediator messages and are checked by the validation behaviour.
/// </summary>
public sealed class NulCharacterGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problemDetails, IStringLocalizer<PlatformText> text)
    {
        var request = context.Request;
        var hasNul = request.QueryString.HasValue && request.QueryString.Value!.Contains("%00", StringComparison.Ordinal)
            || request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true;
        if (!hasNul && request.HasFormContentType && !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                hasNul = form.Any(field => field.Key.Contains('\0', StringComparison.Ordinal) || field.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));
            }
            catch (InvalidDataException)
            {
                // The form reader itself refuses NUL ("The form value contains invalid characters").
                hasNul = true;
            }
        }

        if (!hasNul)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status400BadRequest, Title = text["nul_character"] },
        });
    }
}
