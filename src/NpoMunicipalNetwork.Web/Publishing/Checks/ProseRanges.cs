using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>A stretch of the Markdown source that is prose: text the reader sees as written.</summary>
internal readonly record struct ProseRange(int Start, int Length);

/// <summary>
/// Finds the prose in a Markdown source: the source spans of Markdig's literal text, merged where
/// they touch. Code spans, fenced and indented code, math, link and image targets, bare URLs turned
/// into links, and Markdown syntax are not literal text, so the notation rules never see or change them.
/// Link text, image alt text, headings and table cells are prose.
/// </summary>
internal static class ProseRanges
{
    public static IReadOnlyList<ProseRange> Of(MarkdownDocument document, string source)
    {
        var spans = new List<ProseRange>();
        foreach (var literal in document.Descendants<LiteralInline>())
        {
            if (IsInsideAutoLink(literal))
                continue;
            var span = literal.Span;
            if (span.IsEmpty || span.Start < 0 || span.End >= source.Length)
                continue;
            // Guard against a span that does not cover the literal (it would make a fix land in the wrong place).
            var text = source.Substring(span.Start, span.Length);
            var content = literal.Content.ToString();
            if (text != content && text.Trim() != content.Trim() && !text.Contains('\\'))
                continue;
            spans.Add(new ProseRange(span.Start, span.Length));
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));

        var merged = new List<ProseRange>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && merged[^1].Start + merged[^1].Length >= span.Start)
            {
                var last = merged[^1];
                var end = Math.Max(last.Start + last.Length, span.Start + span.Length);
                merged[^1] = new ProseRange(last.Start, end - last.Start);
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }

    /// <summary>A bare URL or www. address that Markdig turned into a link: its text is an address, not prose.</summary>
    private static bool IsInsideAutoLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
            if (parent is LinkInline { IsAutoLink: true })
                return true;
        return false;
    }
}
