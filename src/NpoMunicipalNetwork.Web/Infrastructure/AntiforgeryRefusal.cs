using Microsoft.AspNetCore.Antiforgery;

namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// A form whose antiforgery check failed (no token, a stale one, or a body the form reader refuses, such as one with
/// a NUL) is answered 400 before any endpoint runs. An endpoint without filters does the same itself, but one with
/// an endpoint filter (<c>HubOnly()</c>) has the generated code read the form first, which throws: a 500 for what is
/// the client's mistake. The status page middleware gives the 400 its Japanese page.
/// </summary>
public static class AntiforgeryRefusal
{
    public static IApplicationBuilder UseAntiforgeryRefusal(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next(http);
    });
}
