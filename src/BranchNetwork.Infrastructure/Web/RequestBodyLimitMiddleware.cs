using BranchNetwork.Infrastructure.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Infrastructure.Web;

/// <summary>
/// Holds every request body to a small default (<see cref="DefaultMaxBytes"/>); an endpoint that needs more says so in
/// its metadata (<see cref="IRequestSizeLimitMetadata"/>, from the request's <c>RequestBodyLimit</c>). Too large is a
/// 413 problem details before anything is read or stored (ADR 0018). Runs after authorisation, so a caller without
/// the role gets the 403 and learns nothing about limits.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    /// <summary>Fits the largest ordinary JSON command (a scheme with 50 indicators, an announcement) many times over.</summary>
    public const long DefaultMaxBytes = 256 * 1024;

    public const string Code = "body_too_large";

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problemDetails, IStringLocalizer<PlatformText> text)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata ? metadata.MaxRequestBodySize : DefaultMaxBytes;
        if (limit is null || context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            // Kestrel then stops a body that lies about its length, or streams without one, at the same size.
            serverLimit.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            await RefuseAsync(context, problemDetails, text);
            return;
        }

        if (request.ContentLength is null && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method)))
        {
            // A body without a declared length (chunked): read it up to the limit before anyone else does.
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await buffer.DisposeAsync();
                    await RefuseAsync(context, problemDetails, text);
                    return;
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            request.Body = buffer;
            context.Response.RegisterForDispose(buffer);
        }

        await next(context);
    }

    private static Task RefuseAsync(HttpContext context, IProblemDetailsService problemDetails, IStringLocalizer<PlatformText> text)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The rest of the body is not read; the connection closes rather than draining it.
        if (HttpProtocol.IsHttp11(context.Request.Protocol))
        {
            context.Response.Headers.Connection = "close";
        }

        return problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = text[Code], Extensions = { ["code"] = Code } },
        }).AsTask();
    }
}
