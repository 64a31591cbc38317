using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// Table markup Markdown cannot express, added to rendered HTML. Markdown pipe tables have neither a
/// caption nor header scopes, so:
/// <list type="bullet">
/// <item>Caption convention: a paragraph right above the table that starts with <c>表:</c> or <c>表：</c>
/// (optionally numbered, <c>表1：</c>) is the table's caption, e.g. <c>表: 施設の利用料金</c>.
/// <see cref="AddTableCaptions(string)"/> turns it into a real <c>&lt;caption&gt;</c>.
/// A Markdig figure (<c>^^^</c> … <c>^^^ 説明</c>) around the table also counts as a caption.</item>
/// <item><see cref="AddTableHeaderScopes(string)"/> gives header cells <c>scope="col"</c> in header rows
/// and <c>scope="row"</c> when a header cell starts a body row.</item>
/// </list>
/// Both take and return HTML and return HTML without tables as it was. Meant for RichText, between
/// Markdig and the sanitizer, so the sanitizer has the last word (its defaults keep caption and
/// scope): <c>Sanitize(AddTableCaptions(AddTableHeaderScopes(Markdown.ToHtml(…))))</c>.
/// Running them on sanitized HTML works too.
/// </summary>
public static partial class TableMarkup
{
    /// <summary>The caption convention: 表, an optional number, a colon, then the caption text.</summary>
    [GeneratedRegex(@"^\s*表\s*[0-9０-９]*\s*[:：]\s*\S")]
    internal static partial Regex CaptionLine();

    /// <summary>An unnumbered marker is dropped from the caption; a numbered one (表1：) stays, as the table's number.</summary>
    [GeneratedRegex(@"^\s*表\s*[:：]\s*")]
    private static partial Regex UnnumberedMarker();

    /// <summary>The paragraph right above the table, when it follows the caption convention.</summary>
    internal static IElement? ConventionCaption(IElement table) =>
        table.PreviousElementSibling is { LocalName: "p" } p && CaptionLine().IsMatch(p.TextContent) ? p : null;

    /// <summary>Whether the table has a caption: its own, a figure's, or one by the convention.</summary>
    internal static bool HasCaption(IElement table) =>
        table.Children.Any(c => c.LocalName == "caption" && !string.IsNullOrWhiteSpace(c.TextContent))
        || table.ParentElement is { LocalName: "figure" } figure
            && figure.Children.Any(c => c.LocalName == "figcaption" && !string.IsNullOrWhiteSpace(c.TextContent))
        || ConventionCaption(table) is not null;

    public static string AddTableHeaderScopes(string html)
    {
        if (string.IsNullOrEmpty(html) || !html.Contains("<th", StringComparison.OrdinalIgnoreCase))
            return html;
        var body = ParseBody(html);
        AddTableHeaderScopes(body);
        return body.InnerHtml;
    }

    public static string AddTableCaptions(string html)
    {
        if (string.IsNullOrEmpty(html) || !html.Contains("<table", StringComparison.OrdinalIgnoreCase))
            return html;
        var body = ParseBody(html);
        var changed = false;
        foreach (var table in body.QuerySelectorAll("table").ToList())
        {
            if (table.Children.Any(c => c.LocalName == "caption") || ConventionCaption(table) is not { } paragraph)
                continue;
            var caption = table.Owner!.CreateElement("caption");
            foreach (var node in paragraph.ChildNodes.ToList())
                caption.AppendChild(node);
            if (caption.FirstChild is IText first)
                first.Data = UnnumberedMarker().Replace(first.Data, "", 1);
            table.Prepend(caption);
            paragraph.Remove();
            changed = true;
        }
        return changed ? body.InnerHtml : html;
    }

    /// <summary>Adds the scopes in place: header-row cells are column headers, a leading header cell in a body row is a row header.</summary>
    internal static void AddTableHeaderScopes(IElement root)
    {
        foreach (var row in root.QuerySelectorAll("tr"))
        {
            var cells = row.Children.Where(c => c.LocalName is "th" or "td").ToList();
            var headerRow = row.ParentElement?.LocalName == "thead" || cells.All(c => c.LocalName == "th");
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                if (cell.LocalName != "th" || cell.HasAttribute("scope"))
                    continue;
                if (headerRow)
                    cell.SetAttribute("scope", "col");
                else if (i == 0)
                    cell.SetAttribute("scope", "row");
            }
        }
    }

    private static IElement ParseBody(string html) =>
        new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
}
