namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// Header cells need a scope so screen readers can tell column headers from row headers. Markdig
/// renders none; <see cref="TableMarkup.AddTableHeaderScopes(string)"/> adds them when publishing, and
/// the checker looks at the HTML after that step, so this reports only header cells it cannot place
/// (a header cell in the middle of a body row).
/// </summary>
internal sealed class TableHeaderScopeRule : IContentRule
{
    public IEnumerable<CheckFinding> Check(CheckedContent content) =>
        content.Html.QuerySelectorAll("th:not([scope])").Select(th => new CheckFinding(
            CheckRuleIds.TableHeaderScope, CheckSeverity.Warning,
            $"表の見出しセル「{Excerpts.Shorten(th.TextContent)}」が、行と列のどちらの見出しか判別できません。見出しは表の1行目か各行の先頭にまとめてください。",
            Excerpts.Shorten(th.TextContent), AutoFixable: false));
}
