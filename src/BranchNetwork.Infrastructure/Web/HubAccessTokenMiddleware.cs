using Microsoft.AspNetCore.Http;

namespace BranchNetwork.Infrastructure.Web;

/// <summary>
/// Browsers cannot set headers on WebSocket and SSE requests, so SignalR clients send the bearer
/// token as <c>access_token</c> in the query string; for hub paths only, it becomes the Authorization header.
/// </summary>
public sealed class HubAccessTokenMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/hubs")
            && !context.Request.Headers.ContainsKey("Authorization")
            && context.Request.Query.TryGetValue("access_token", out var token)
            && !string.IsNullOrEmpty(token))
        {
            context.Request.Headers.Authorization = $"Bearer {token}";
        }

        return next(context);
    }
}
