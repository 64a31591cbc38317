using Fluid;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Themes;

/// <summary>
/// Renders pages with the site's public theme or the admin theme (both under <c>themes/</c>).
/// Every page gets <c>site</c>, <c>page</c>, <c>model</c>, <c>user</c> and, on admin pages, <c>csrf</c> (the antiforgery field).
/// </summary>
public sealed class ThemeRenderer
{
    private readonly ThemeOptions _settings;
    private readonly SiteModelFactory _sites;
    private readonly LiquidTheme _public;
    private readonly LiquidTheme _admin;

    public ThemeRenderer(IOptions<ThemeOptions> options, IWebHostEnvironment env, SiteModelFactory sites)
    {
        _settings = options.Value;
        _sites = sites;
        ThemesRoot = ContentFolders.Locate("themes", env.ContentRootPath, _settings.Path);
        var watch = _settings.WatchForChanges ?? env.IsDevelopment();
        _public = new LiquidTheme(_settings.PublicTheme, Path.Combine(ThemesRoot, _settings.PublicTheme), watch);
        _admin = new LiquidTheme(_settings.AdminTheme, Path.Combine(ThemesRoot, _settings.AdminTheme), watch);
    }

    public string ThemesRoot { get; }

    public async Task RenderAsync(HttpContext http, string template, object? model, PageMeta meta, int statusCode = StatusCodes.Status200OK, bool admin = false)
    {
        var tenant = http.RequestServices.GetRequiredService<TenantContext>().Tenant;
        var site = await _sites.CreateAsync(http, tenant);
        await WriteAsync(http, admin ? _admin : _public, template, model, meta, site, statusCode);
    }

    /// <summary>The 404 of a disabled tenant: the network's frame, none of the hub's content.</summary>
    public Task RenderUnavailableAsync(HttpContext http, TenantSnapshot hub) =>
        WriteAsync(http, _public, "unavailable", null, new PageMeta("このサイトは公開されていません"),
            _sites.CreateNeutral(http, hub), StatusCodes.Status404NotFound);

    private async Task WriteAsync(HttpContext http, LiquidTheme theme, string template, object? model, PageMeta meta, SiteModel site, int statusCode)
    {
        var context = new TemplateContext(theme.Options);
        context.AmbientValues[LiquidFilters.BasePathKey] = site.BasePath;
        context.AmbientValues[LiquidFilters.HubBaseKey] = site.HubUrl;
        context.SetValue("site", site);
        context.SetValue("page", meta);
        context.SetValue("model", model);
        context.SetValue("user", Accounts.CurrentUser.From(http.User));
        context.SetValue("theme_assets", "/themes/" + theme.Name + "/assets");
        context.SetValue("public_assets", "/themes/" + _settings.PublicTheme + "/assets");
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        context.SetValue("request_path", (http.Request.PathBase + http.Request.Path).Value);
        context.SetValue("canonical_url", meta.CanonicalPath is { } canonical ? origin + canonical : origin + http.Request.PathBase + http.Request.Path);
        var display = DisplaySettings.From(http.Request);
        context.SetValue("display", new { text = display.Text, colors = display.Colors, text_label = display.TextLabel, colors_label = display.ColorsLabel,
            text_choices = display.TextChoices(http.Request), color_choices = display.ColorChoices(http.Request) });
        if (theme == _admin)
        {
            var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
            context.SetValue("csrf", new CsrfField(tokens.FormFieldName, tokens.RequestToken ?? ""));
            context.SetValue("admin_nav", await Admin.AdminNavigation.ForAsync(http));
            http.Response.Headers.CacheControl = "no-store";
            // The output cache ignores Cache-Control. An anonymous admin-theme page (the login form) that sets
            // no cookie, because the visitor already holds one, would otherwise be stored and served to
            // others with the first visitor's antiforgery token and no cookie: their posts would all fail.
            if (http.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } outputCache)
                outputCache.Context.AllowCacheStorage = false;
        }

        var html = await theme.RenderPageAsync(template, context);
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        // Chunk by chunk into the response's own buffers: no string of the whole page (see RenderedHtml).
        var body = http.Response.BodyWriter;
        var utf8 = Encoding.UTF8.GetEncoder();
        foreach (var chunk in html.GetChunks())
            utf8.Convert(chunk.Span, body, flush: false, out _, out _);
        utf8.Convert([], body, flush: true, out _, out _);
        await body.FlushAsync(http.RequestAborted);
    }
}

public sealed record CsrfField(string Name, string Value)
{
    /// <summary>
    /// The antiforgery field for a form on a page of the public theme (which gets no <c>csrf</c> of its own). Such a
    /// page holds this visitor's token, so it is never stored in the shared output cache nor by the browser.
    /// </summary>
    public static CsrfField ForPublicForm(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        if (http.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } cache)
            cache.Context.AllowCacheStorage = false;
        return new CsrfField(tokens.FormFieldName, tokens.RequestToken ?? "");
    }
}
