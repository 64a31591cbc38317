using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Syntax;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// One Markdown text, parsed once for all rules: the source with its prose ranges (for the notation
/// rules, which read and fix the source) and the rendered HTML as a DOM (for the structure rules,
/// which look at what readers and screen readers get).
/// </summary>
internal sealed class CheckedContent
{
    /// <summary>
    /// The same Markdown settings as <see cref="Infrastructure.RichText"/>, plus precise source
    /// locations (which do not change the HTML) so findings and fixes map back to the source.
    /// </summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .UsePreciseSourceLocation()
        .Build();

    private IDocument? _html;

    private CheckedContent(string source, MarkdownDocument markdown)
    {
        Source = source;
        Markdown = markdown;
        Prose = ProseRanges.Of(markdown, source);
    }

    public string Source { get; }

    public MarkdownDocument Markdown { get; }

    public IReadOnlyList<ProseRange> Prose { get; }

    /// <summary>The rendered body, with the header scopes <see cref="TableMarkup.AddTableHeaderScopes(string)"/> adds when publishing.</summary>
    public IElement Html => (_html ??= RenderHtml()).Body!;

    public static CheckedContent Parse(string? markdown)
    {
        var source = markdown ?? "";
        return new CheckedContent(source, Markdig.Markdown.Parse(source, Pipeline));
    }

    private IDocument RenderHtml()
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + Markdown.ToHtml(Pipeline) + "</body></html>");
        TableMarkup.AddTableHeaderScopes(document.Body!);
        return document;
    }
}
