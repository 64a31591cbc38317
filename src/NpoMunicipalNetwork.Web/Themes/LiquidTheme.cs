using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Microsoft.Extensions.FileProviders;

namespace NpoMunicipalNetwork.Themes;

/// <summary>
/// One theme folder (<c>themes/&lt;Name&gt;/</c>): its templates parsed once and cached, evicted on file
/// change when watching (Development). Partials (<c>{% include 'header' %}</c>) come from its
/// <c>partials/</c> folder through Fluid's own cache, which re-reads a partial when its file changes.
/// </summary>
public sealed class LiquidTheme
{
    // Japanese text stays as characters rather than &#x...; entities: half the bytes, readable source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly FluidParser Parser = new();

    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new();
    private readonly PhysicalFileProvider _files;
    private readonly bool _watch;

    public LiquidTheme(string name, string folder, bool watch)
    {
        if (!File.Exists(Path.Combine(folder, "layout.liquid")))
            throw new DirectoryNotFoundException($"Theme '{name}' has no layout.liquid in {folder}.");
        Name = name;
        _files = new PhysicalFileProvider(folder);
        _watch = watch;

        // Templates are files on the server written by the site's maintainers, and only view-model
        // records (never entities) are handed to them, so every public member of a model may be read.
        Options.MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase };
        Options.FileProvider = new PhysicalFileProvider(Path.Combine(folder, "partials"));
        Options.CultureInfo = new System.Globalization.CultureInfo("ja-JP");
        Options.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        LiquidFilters.Register(Options);
    }

    public string Name { get; }

    public TemplateOptions Options { get; } = new();

    /// <summary>
    /// Renders <paramref name="template"/> wrapped in the theme's <c>layout.liquid</c>, into a string builder
    /// (chunks of at most 8,000 characters, never one large string; see <see cref="RenderedHtml"/>).
    /// </summary>
    public async Task<StringBuilder> RenderPageAsync(string template, TemplateContext context)
    {
        var body = new StringBuilder();
        await using (var writer = new StringWriter(body))
            await Get(template).RenderAsync(writer, Encoder, context);
        context.SetValue("content", new RenderedHtml(body));
        var page = new StringBuilder();
        await using (var writer = new StringWriter(page))
            await Get("layout").RenderAsync(writer, Encoder, context);
        return page;
    }

    private IFluidTemplate Get(string name)
    {
        if (_cache.TryGetValue(name, out var cached))
            return cached;

        var relative = name + ".liquid";
        var file = _files.GetFileInfo(relative);
        if (!file.Exists)
            throw new FileNotFoundException($"Template '{relative}' is missing from theme '{Name}'.");
        string source;
        using (var reader = new StreamReader(file.CreateReadStream()))
            source = reader.ReadToEnd();
        if (!Parser.TryParse(source, out var parsed, out var error))
            throw new InvalidOperationException($"Template '{relative}' of theme '{Name}' does not parse: {error}");

        if (_watch)
            _files.Watch(relative).RegisterChangeCallback(static state =>
            {
                var (cache, key) = ((ConcurrentDictionary<string, IFluidTemplate>, string))state!;
                cache.TryRemove(key, out _);
            }, (_cache, name));
        return _cache.GetOrAdd(name, parsed);
    }
}
