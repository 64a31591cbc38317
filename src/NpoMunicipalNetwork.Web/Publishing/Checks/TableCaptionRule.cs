using AngleSharp.Dom;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// Every table needs a caption saying what it lists. Markdown has no caption syntax, so the convention
/// of <see cref="TableMarkup"/> applies: a line 「表: …」 right above the table (or a ^^^ figure caption).
/// </summary>
internal sealed class TableCaptionRule : IContentRule
{
    public IEnumerable<CheckFinding> Check(CheckedContent content)
    {
        foreach (var table in content.Html.QuerySelectorAll("table"))
        {
            if (TableMarkup.HasCaption(table))
                continue;
            var header = string.Join(" | ", (table.QuerySelector("tr")?.Children ?? Enumerable.Empty<IElement>()).Select(c => c.TextContent.Trim()));
            yield return new CheckFinding(CheckRuleIds.TableCaption, CheckSeverity.Warning,
                "表に表題（キャプション）がありません。表の直前の行に「表: 施設の利用料金」のように、何の表かを書いてください。",
                Excerpts.Shorten(header), AutoFixable: false);
        }
    }
}
