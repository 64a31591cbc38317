using Microsoft.AspNetCore.Antiforgery;

namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// A form post whose antiforgery token failed is a 400 (the error page says to reopen the page and send again)
/// before any handler runs. The request delegate generator's form binding would otherwise throw on the failed
/// check and answer 500, where the runtime-built handlers answered 400.
/// </summary>
public static class AntiforgeryRejection
{
    public static IApplicationBuilder UseAntiforgeryRejection(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }
        return next(context);
    });
}
