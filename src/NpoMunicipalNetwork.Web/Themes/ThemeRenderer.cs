using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Tenants;

namespace NpoMunicipalNetwork.Themes;

/// <summary>
/// Renders Liquid templates from <c>themes/&lt;Theme&gt;/</c>: a page template into <c>layout.liquid</c>.
/// Each template is parsed once and cached; with watching on (Development) a file change evicts it.
/// Partials (<c>{% render 'header' %}</c>) come from the theme's <c>partials/</c> folder through Fluid's own cache.
/// </summary>
public sealed class ThemeRenderer
{
    // Japanese text stays as characters rather than &#x...; entities: half the bytes, readable source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new();
    private readonly PhysicalFileProvider _files;
    private readonly bool _watch;
    private readonly ThemeOptions _settings;
    private readonly SiteModelFactory _sites;

    public ThemeRenderer(IOptions<ThemeOptions> options, IWebHostEnvironment env, SiteModelFactory sites)
    {
        _settings = options.Value;
        _sites = sites;
        ThemesRoot = ContentFolders.Locate("themes", env.ContentRootPath, _settings.Path);
        var themeDir = Path.Combine(ThemesRoot, _settings.PublicTheme);
        if (!File.Exists(Path.Combine(themeDir, "layout.liquid")))
            throw new DirectoryNotFoundException($"Theme '{_settings.PublicTheme}' has no layout.liquid in {themeDir}.");
        _files = new PhysicalFileProvider(themeDir);
        _watch = _settings.WatchForChanges ?? env.IsDevelopment();

        // Templates are files on the server written by the site's maintainers, and only view-model
        // records (never entities) are handed to them, so every public member of a model may be read.
        _options.MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase };
        _options.FileProvider = new PhysicalFileProvider(Path.Combine(themeDir, "partials"));
        _options.CultureInfo = new System.Globalization.CultureInfo("ja-JP");
        _options.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        LiquidFilters.Register(_options.Filters);
    }

    public string ThemesRoot { get; }

    public string ThemeName => _settings.PublicTheme;

    public async Task RenderAsync(HttpContext http, string template, object? model, PageMeta meta, int statusCode = StatusCodes.Status200OK)
    {
        var tenant = http.RequestServices.GetRequiredService<TenantContext>().Tenant;
        var site = await _sites.CreateAsync(http, tenant);
        await WriteAsync(http, template, model, meta, site, statusCode);
    }

    /// <summary>The 404 of a disabled tenant: the network's frame, none of the hub's content.</summary>
    public async Task RenderUnavailableAsync(HttpContext http, TenantSnapshot hub)
    {
        var site = _sites.CreateNeutral(http, hub);
        await WriteAsync(http, "unavailable", null, new PageMeta("このサイトは公開されていません"), site, StatusCodes.Status404NotFound);
    }

    /// <summary>Renders a template to a string; used by tests and by anything that is not an HTTP response.</summary>
    public async Task<string> RenderToStringAsync(string template, object? model, PageMeta meta, SiteModel site)
    {
        var context = CreateContext(site, meta);
        context.SetValue("model", model);
        var body = await Get(template).RenderAsync(context, Encoder);
        context.SetValue("content", body);
        return await Get("layout").RenderAsync(context, Encoder);
    }

    private async Task WriteAsync(HttpContext http, string template, object? model, PageMeta meta, SiteModel site, int statusCode)
    {
        var html = await RenderToStringAsync(template, model, meta, site);
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }

    private TemplateContext CreateContext(SiteModel site, PageMeta meta)
    {
        var context = new TemplateContext(_options);
        context.AmbientValues[LiquidFilters.BasePathKey] = site.BasePath;
        context.AmbientValues[LiquidFilters.HubBaseKey] = site.HubUrl;
        context.SetValue("site", site);
        context.SetValue("page", meta);
        context.SetValue("theme_assets", "/themes/" + _settings.PublicTheme + "/assets");
        return context;
    }

    private IFluidTemplate Get(string name)
    {
        if (_cache.TryGetValue(name, out var cached))
            return cached;

        var relative = name + ".liquid";
        var file = _files.GetFileInfo(relative);
        if (!file.Exists)
            throw new FileNotFoundException($"Template '{relative}' is missing from theme '{_settings.PublicTheme}'.");
        string source;
        using (var reader = new StreamReader(file.CreateReadStream()))
            source = reader.ReadToEnd();
        if (!_parser.TryParse(source, out var parsed, out var error))
            throw new InvalidOperationException($"Template '{relative}' of theme '{_settings.PublicTheme}' does not parse: {error}");

        if (_watch)
            _files.Watch(relative).RegisterChangeCallback(static state =>
            {
                var (cache, key) = ((ConcurrentDictionary<string, IFluidTemplate>, string))state!;
                cache.TryRemove(key, out _);
            }, (_cache, name));
        return _cache.GetOrAdd(name, parsed);
    }
}
