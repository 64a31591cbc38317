using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// 半角カナ (U+FF61–U+FF9F, including ｡｢｣､ and the sound marks ﾞﾟ): written full-width. The fix is NFKC
/// on the half-width run only, so ｶﾞ becomes ガ and ﾊﾟ becomes パ; a sound mark that cannot combine
/// becomes the spacing ゛ or ゜.
/// </summary>
internal sealed partial class HalfWidthKanaRule : TextRule
{
    protected override IEnumerable<TextHit> Find(string prose)
    {
        foreach (Match m in HalfWidth().Matches(prose))
        {
            var fixedText = ToFullWidth(m.Value);
            yield return new TextHit(m.Index, m.Length, fixedText, new CheckFinding(
                CheckRuleIds.HalfWidthKana, CheckSeverity.Error,
                $"半角カナ「{m.Value}」があります。読み上げソフトで正しく読まれないことがあるため、全角で「{fixedText}」と書いてください。",
                Excerpts.Shorten(m.Value), AutoFixable: true));
        }
    }

    internal static string ToFullWidth(string halfWidth)
    {
        var normalized = halfWidth.Normalize(NormalizationForm.FormKC);
        // Marks left uncombined (a leading ﾞ, or ｱﾞ which has no composed form) become spacing marks.
        return normalized.Replace('\u3099', '\u309B').Replace('\u309A', '\u309C');
    }

    [GeneratedRegex("[\uFF61-\uFF9F]+")]
    private static partial Regex HalfWidth();
}
