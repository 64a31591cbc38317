using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace NpoMunicipalNetwork.Boards;

/// <summary>
/// The boards' own rich-text profile, stricter than pages' (anyone may post here): Markdig with raw HTML
/// disabled, then HtmlSanitizer with a short allowlist. Links keep http, https and mailto only and get
/// <c>rel="nofollow ugc"</c>; no images (attachments are links), no style, no ids or classes; headings
/// start at h3 so a post never breaks the page's heading order. Rendered once when saved.
/// </summary>
public sealed partial class BoardText
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? "", _pipeline);
        // Raw HTML is escaped by Markdig, so every heading tag here is Markdig's own.
        html = Heading().Replace(html, m => $"<{m.Groups[1].Value}h{Math.Min(6, m.Groups[2].Value[0] - '0' + 2)}");
        return _sanitizer.Sanitize(html);
    }

    /// <summary>Whether rendered HTML carries a link (new accounts may not post links).</summary>
    public static bool HasLink(string html) => html.Contains("<a ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Markdown that quotes <paramref name="author"/>'s text, for the reply form (引用).</summary>
    public static string Quote(string author, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n').Select(l => "> " + l);
        return $"> **{author.Replace("*", "").Replace("_", "")}さんの投稿:**\n>\n{string.Join("\n", lines)}\n\n";
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        s.AllowedTags.UnionWith(["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
            "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td"]);
        s.AllowedAttributes.Clear();
        s.AllowedAttributes.UnionWith(["href", "title", "start"]);
        s.AllowedCssProperties.Clear();
        s.AllowedAtRules.Clear();
        s.AllowedClasses.Clear();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.UnionWith(["https", "http", "mailto"]);
        s.UriAttributes.Clear();
        s.UriAttributes.Add("href");
        s.AllowDataAttributes = false;
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { TagName: "A" } a)
                a.SetAttribute("rel", "nofollow ugc noopener");
        };
        return s;
    }

    [GeneratedRegex("<(/?)h([1-6])", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();
}
