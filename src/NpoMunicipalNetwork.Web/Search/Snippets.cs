namespace NpoMunicipalNetwork.Search;

/// <summary>A run of text; <see cref="Marked"/> runs matched the query. Themes print both as escaped text, marked ones inside &lt;mark&gt;.</summary>
public sealed record TextSegment(string Text, bool Marked);

/// <summary>
/// Highlighting for result lists: the text is analysed like the index analyses it and the characters
/// of every term the query asked for are marked (overlapping bigrams merge: 子育+育て marks 子育て).
/// Works on plain text only, so no markup from content ever reaches the page.
/// </summary>
public static class Snippets
{
    private static readonly JapaneseAnalyzer Analyzer = JapaneseAnalyzer.ForIndex();

    /// <summary>The whole text, with matches marked.</summary>
    public static IReadOnlyList<TextSegment> Mark(string text, HashSet<string> terms)
    {
        var spans = Spans(text, terms);
        return Segments(text, 0, text.Length, spans);
    }

    /// <summary>About <paramref name="length"/> characters around the first match, or null when nothing matches.</summary>
    public static IReadOnlyList<TextSegment>? Fragment(string text, HashSet<string> terms, int length = 120)
    {
        var spans = Spans(text, terms);
        if (spans.Count == 0)
            return null;
        var start = Math.Max(0, spans[0].Start - length / 4);
        var end = Math.Min(text.Length, start + length);
        start = Math.Max(0, Math.Min(start, end - length));
        var segments = new List<TextSegment>();
        if (start > 0)
            segments.Add(new TextSegment("…", false));
        segments.AddRange(Segments(text, start, end, spans));
        if (end < text.Length)
            segments.Add(new TextSegment("…", false));
        return segments;
    }

    private static List<(int Start, int End)> Spans(string text, HashSet<string> terms)
    {
        var spans = new List<(int Start, int End)>();
        if (terms.Count == 0 || text.Length == 0)
            return spans;
        var found = Analyzer.Find(text, terms);
        // Bigrams and unigrams of one place come out together, not always in start order.
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        foreach (var (start, end) in found)
        {
            if (spans.Count > 0 && start <= spans[^1].End)
                spans[^1] = (spans[^1].Start, Math.Max(spans[^1].End, end));
            else
                spans.Add((start, end));
        }
        return spans;
    }

    private static List<TextSegment> Segments(string text, int from, int to, List<(int Start, int End)> spans)
    {
        var segments = new List<TextSegment>();
        var at = from;
        foreach (var (s, e) in spans)
        {
            var start = Math.Max(s, from);
            var end = Math.Min(e, to);
            if (end <= start)
                continue;
            if (start > at)
                segments.Add(new TextSegment(text[at..start], false));
            segments.Add(new TextSegment(text[start..end], true));
            at = end;
        }
        if (at < to)
            segments.Add(new TextSegment(text[at..to], false));
        return segments;
    }
}
