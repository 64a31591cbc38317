using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>全角英数字 (Ａ-Ｚ ａ-ｚ ０-９): written half-width. The fix shifts each character to its ASCII twin.</summary>
internal sealed partial class FullWidthAlphanumericRule : TextRule
{
    protected override IEnumerable<TextHit> Find(string prose)
    {
        foreach (Match m in FullWidth().Matches(prose))
        {
            var fixedText = string.Concat(m.Value.Select(c => (char)(c - 0xFEE0)));
            yield return new TextHit(m.Index, m.Length, fixedText, new CheckFinding(
                CheckRuleIds.FullWidthAlphanumeric, CheckSeverity.Warning,
                $"全角英数字「{m.Value}」があります。英数字は半角で「{fixedText}」と書いてください。",
                Excerpts.Shorten(m.Value), AutoFixable: true));
        }
    }

    [GeneratedRegex("[Ａ-Ｚａ-ｚ０-９]+")]
    private static partial Regex FullWidth();
}
