
namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>A problem at <c>Index</c>/<c>Length</c> within one prose range; <c>Replacement</c> is the safe fix, if there is one.</summary>
internal readonly record struct TextHit(int Index, int Length, string? Replacement, CheckFinding Finding);

/// <summary>
/// A notation rule: reads the prose of the Markdown source one range at a time (never code, URLs or
/// link targets) and can fix what it finds in the source, leaving everything else byte for byte.
/// </summary>
internal abstract class TextRule : IContentRule
{
    protected abstract IEnumerable<TextHit> Find(string prose);

    public IEnumerable<CheckFinding> Check(CheckedContent content) =>
        content.Prose.SelectMany(range => Find(content.Source.Substring(range.Start, range.Length)).Select(hit => hit.Finding));

    /// <summary>The source with every replacement this rule offers applied.</summary>
    public string Fix(CheckedContent content)
    {
        var edits = new List<(int Start, int Length, string Text)>();
        foreach (var range in content.Prose)
            foreach (var hit in Find(content.Source.Substring(range.Start, range.Length)))
                if (hit.Replacement is not null)
                    edits.Add((range.Start + hit.Index, hit.Length, hit.Replacement));
        if (edits.Count == 0)
            return content.Source;

        var result = new StringBuilder(content.Source.Length);
        var position = 0;
        foreach (var edit in edits.OrderBy(e => e.Start))
        {
            if (edit.Start < position)
                continue; // a rule's hits do not overlap; should they ever, the first wins
            result.Append(content.Source, position, edit.Start - position).Append(edit.Text);
            position = edit.Start + edit.Length;
        }
        return result.Append(content.Source, position, content.Source.Length - position).ToString();
    }
}
