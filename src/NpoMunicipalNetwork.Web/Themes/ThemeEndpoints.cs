
namespace NpoMunicipalNetwork.Themes;

/// <summary>
/// <c>/theme.css</c>: the current site's accent colour as CSS custom properties. A stylesheet
/// rather than an inline style, so the content security policy can forbid inline styles.
/// </summary>
public static class ThemeEndpoints
{
    public static IEndpointRouteBuilder MapThemeVariables(this IEndpointRouteBuilder app)
    {
        app.MapGet("/theme.css", (HttpContext http, TenantContext tenant) =>
        {
            var accent = tenant.Tenant.AccentColor ?? AccentColor.Default;
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text($":root{{--site-accent:{accent};--site-accent-text:{AccentColor.TextOn(accent)};}}\n", "text/css; charset=utf-8");
        });
        return app;
    }
}
