namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// Headers every response carries, error pages included. The theme needs no inline script or style, so the
/// content security policy allows only this origin.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Outermost in the pipeline, and set when the response starts rather than when the request arrives: the
    /// exception handler clears a failed response's headers before it writes the 500 page, and that page must
    /// carry them too.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                // A handler that set a stricter header of its own (a download's sandboxing CSP) keeps it.
                var h = response.Headers;
                h.TryAdd("X-Content-Type-Options", "nosniff");
                h.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                h.TryAdd("X-Frame-Options", "DENY");
                h.TryAdd("Content-Security-Policy", "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
                return Task.CompletedTask;
            });
            return next(context);
        });
}
