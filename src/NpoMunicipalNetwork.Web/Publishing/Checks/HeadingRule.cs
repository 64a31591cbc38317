namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// Heading structure. The page template already shows the page title as the one 見出し1 (h1), so the
/// body starts at 見出し2 (##): a # heading in the body is an error (a second h1 on the page), and a
/// heading more than one level below the previous one (## then ####, or a body starting with ###) is a
/// warning, because readers navigating by headings miss a level.
/// </summary>
internal sealed class HeadingRule : IContentRule
{
    public IEnumerable<CheckFinding> Check(CheckedContent content)
    {
        var previous = 1; // the page title
        foreach (var heading in content.Html.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            var text = Excerpts.Shorten(heading.TextContent);
            if (level == 1)
                yield return new CheckFinding(CheckRuleIds.HeadingH1, CheckSeverity.Error,
                    $"本文に見出し1（#）「{text}」があります。見出し1はページのタイトルに使われているため、本文の見出しは見出し2（##）から始めてください。",
                    text, AutoFixable: false);
            else if (level > previous + 1)
                yield return new CheckFinding(CheckRuleIds.HeadingLevelSkip, CheckSeverity.Warning,
                    $"見出しのレベルが飛んでいます。{(previous == 1 ? "ページのタイトル（見出し1）" : $"見出し{previous}")}の次に見出し{level}「{text}」があります。見出し{previous + 1}（{new string('#', previous + 1)}）にするなど、レベルを一つずつ下げてください。",
                    text, AutoFixable: false);
            previous = level;
        }
    }
}
