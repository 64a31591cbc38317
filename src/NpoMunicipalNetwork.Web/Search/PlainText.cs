namespace NpoMunicipalNetwork.Search;

/// <summary>Markdown as the words a reader sees: what is indexed and what snippets quote (no link targets, no markup).</summary>
public static class PlainText
{
    private static readonly Markdig.MarkdownPipeline Pipeline = new Markdig.MarkdownPipelineBuilder().Build();

    public static string FromMarkdown(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();
}
