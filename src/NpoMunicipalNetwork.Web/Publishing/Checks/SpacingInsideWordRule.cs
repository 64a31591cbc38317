using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// Spaces used as letter-spacing inside a word (山　田, お 問 い 合 わ せ): a screen reader reads the
/// characters one by one. The heuristic looks only at runs of single kanji/kana characters separated by
/// spaces, where each character stands alone (no kanji/kana directly before or after it):
/// <list type="bullet">
/// <item>three or more such characters separated by half-width or full-width spaces (お 問 い 合 わ せ), or</item>
/// <item>two or more separated by at least one full-width space (山　田, 氏　　名).</item>
/// </list>
/// Spaces between words of two characters or more (山田　太郎, お知らせ　一覧), between Japanese and
/// Latin letters or digits (NPO 法人, 第1 回), and two single characters with one half-width space
/// (too ambiguous) are left alone; so is a run of weekday names (月　火　水), which is a list.
/// The fix removes the spaces, but only when they are all the same (one kind, one width): mixed
/// spacing such as お 問 い 合 わ せ　山　田 may be two spaced-out words, so it is reported without a fix.
/// </summary>
internal sealed partial class SpacingInsideWordRule : TextRule
{
    private const string Weekdays = "月火水木金土日";

    protected override IEnumerable<TextHit> Find(string prose)
    {
        foreach (Match m in SpacedRun().Matches(prose))
        {
            var characters = string.Concat(m.Value.Where(c => c is not (' ' or '\u3000')));
            var fullWidthSpace = m.Value.Contains('\u3000');
            if (characters.Length < 3 && !fullWidthSpace)
                continue;
            if (characters.All(c => Weekdays.Contains(c)))
                continue;
            var uniform = Spaces().Matches(m.Value).Select(s => s.Value).Distinct().Count() == 1;
            var advice = uniform ? $"「{characters}」と書いてください。" : "文字の間の空白を取り除いてください。";
            yield return new TextHit(m.Index, m.Length, uniform ? characters : null, new CheckFinding(
                CheckRuleIds.SpacingInsideWord, CheckSeverity.Warning,
                $"「{m.Value}」は文字の間に空白が入っています。読み上げソフトで一語として読まれないため、見た目の調整に空白を使わず{advice}",
                Excerpts.Shorten(m.Value), AutoFixable: uniform));
        }
    }

    private const string K = JapaneseText.KanjiOrKanaClass;

    [GeneratedRegex($"(?<!{K}){K}(?:[ \u3000]+{K})+(?!{K})")]
    private static partial Regex SpacedRun();

    [GeneratedRegex("[ \u3000]+")]
    private static partial Regex Spaces();
}
