using Ganss.Xss;
using Markdig;

namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// Turns an author's Markdown into HTML that is safe to show: Markdig renders, HtmlSanitizer
/// keeps an allowlist of tags, attributes and URL schemes. Done once on save, not per view.
/// </summary>
public sealed class RichText
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Tables get their caption (from a 「表: …」 line) and header scopes before sanitizing, so screen readers can navigate them.</summary>
    public string ToSafeHtml(string markdown) =>
        _sanitizer.Sanitize(Publishing.Checks.TableMarkup.AddTableCaptions(Publishing.Checks.TableMarkup.AddTableHeaderScopes(Markdown.ToHtml(markdown ?? "", _pipeline))));

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.UnionWith(["https", "http", "mailto", "tel"]);
        s.AllowedAttributes.Remove("style");
        s.AllowedCssProperties.Clear();
        s.AllowedAttributes.UnionWith(["id", "scope"]);
        s.AllowedTags.Add("caption");
        return s;
    }
}
