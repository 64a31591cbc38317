using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Accessibility;

/// <summary>A WCAG 2.1 success criterion of level A or AA, with its name in JIS X 8341-3:2016 (the WAIC translation).</summary>
public sealed record WcagCriterion(string Number, string Name, string Level);

/// <summary>
/// The level A and AA success criteria of WCAG 2.1 (JIS X 8341-3:2016 covers WCAG 2.0's; 2.1 adds 1.3.4 … 4.1.3),
/// and how automated results name them: axe rules carry tags such as <c>wcag111</c> or <c>wcag1410</c>,
/// and the authoring checker's rules are mapped here by hand.
/// </summary>
public static partial class WcagCriteria
{
    public static readonly IReadOnlyList<WcagCriterion> All =
    [
        new("1.1.1", "非テキストコンテンツ", "A"),
        new("1.2.1", "音声のみ及び映像のみ（収録済）", "A"),
        new("1.2.2", "キャプション（収録済）", "A"),
        new("1.2.3", "音声解説、又はメディアに対する代替（収録済）", "A"),
        new("1.2.4", "キャプション（ライブ）", "AA"),
        new("1.2.5", "音声解説（収録済）", "AA"),
        new("1.3.1", "情報及び関係性", "A"),
        new("1.3.2", "意味のある順序", "A"),
        new("1.3.3", "感覚的な特徴", "A"),
        new("1.3.4", "表示の向き", "AA"),
        new("1.3.5", "入力目的の特定", "AA"),
        new("1.4.1", "色の使用", "A"),
        new("1.4.2", "音声の制御", "A"),
        new("1.4.3", "コントラスト（最低限）", "AA"),
        new("1.4.4", "テキストのサイズ変更", "AA"),
        new("1.4.5", "文字画像", "AA"),
        new("1.4.10", "リフロー", "AA"),
        new("1.4.11", "非テキストのコントラスト", "AA"),
        new("1.4.12", "テキストの間隔", "AA"),
        new("1.4.13", "ホバー又はフォーカスで表示されるコンテンツ", "AA"),
        new("2.1.1", "キーボード", "A"),
        new("2.1.2", "キーボードトラップなし", "A"),
        new("2.1.4", "文字キーのショートカット", "A"),
        new("2.2.1", "タイミング調整可能", "A"),
        new("2.2.2", "一時停止、停止、非表示", "A"),
        new("2.3.1", "3回の閃光、又は閾値以下", "A"),
        new("2.4.1", "ブロックスキップ", "A"),
        new("2.4.2", "ページタイトル", "A"),
        new("2.4.3", "フォーカス順序", "A"),
        new("2.4.4", "リンクの目的（コンテキスト内）", "A"),
        new("2.4.5", "複数の手段", "AA"),
        new("2.4.6", "見出し及びラベル", "AA"),
        new("2.4.7", "フォーカスの可視化", "AA"),
        new("2.5.1", "ポインタのジェスチャ", "A"),
        new("2.5.2", "ポインタのキャンセル", "A"),
        new("2.5.3", "ラベルを含む名前（name）", "A"),
        new("2.5.4", "動きによる起動", "A"),
        new("3.1.1", "ページの言語", "A"),
        new("3.1.2", "一部分の言語", "AA"),
        new("3.2.1", "フォーカス時", "A"),
        new("3.2.2", "入力時", "A"),
        new("3.2.3", "一貫したナビゲーション", "AA"),
        new("3.2.4", "一貫した識別性", "AA"),
        new("3.3.1", "エラーの特定", "A"),
        new("3.3.2", "ラベル又は説明", "A"),
        new("3.3.3", "エラー修正の提案", "AA"),
        new("3.3.4", "エラー回避（法的、金融及びデータ）", "AA"),
        new("4.1.1", "構文解析", "A"),
        new("4.1.2", "名前（name）、役割（role）及び値（value）", "A"),
        new("4.1.3", "ステータスメッセージ", "AA"),
    ];

    private static readonly Dictionary<string, WcagCriterion> ByNumber = All.ToDictionary(c => c.Number);

    public static WcagCriterion? Find(string number) => ByNumber.GetValueOrDefault(number);

    /// <summary>Orders criteria numerically (1.4.10 after 1.4.5), the way the standard lists them.</summary>
    public static int SortKey(string number)
    {
        var parts = number.Split('.');
        return parts.Length == 3 && parts.All(p => int.TryParse(p, out _)) ? int.Parse(parts[0]) * 10_000 + int.Parse(parts[1]) * 100 + int.Parse(parts[2]) : int.MaxValue;
    }

    [GeneratedRegex(@"^wcag(\d)(\d)(\d{1,2})$")]
    private static partial Regex CriterionTag();

    /// <summary>
    /// The A/AA criteria an axe rule's tags name: <c>wcag111</c> → 1.1.1, <c>wcag1410</c> → 1.4.10.
    /// Level tags (<c>wcag2aa</c>), best-practice rules and AAA criteria give nothing.
    /// </summary>
    public static IEnumerable<string> FromAxeTags(IEnumerable<string> tags) =>
        tags.Select(t => CriterionTag().Match(t))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}.{m.Groups[3].Value}")
            .Where(ByNumber.ContainsKey)
            .Distinct();

    /// <summary>
    /// The criteria the authoring checker tests, each with the checker rules that test it and what on a
    /// page makes it applicable (a CSS selector over the rendered body). The notation rules
    /// (全角英数字, 半角カナ, 機種依存文字, 日付, 単語内の空白) are house style, not WCAG criteria, and are left out.
    /// </summary>
    public static readonly IReadOnlyList<(string Criterion, string[] Rules, string AppliesTo)> CheckerCriteria =
    [
        ("1.1.1", [Publishing.Checks.CheckRuleIds.ImageAlt], "img"),
        ("1.3.1", [Publishing.Checks.CheckRuleIds.TableCaption, Publishing.Checks.CheckRuleIds.TableHeaderScope,
                   Publishing.Checks.CheckRuleIds.HeadingH1, Publishing.Checks.CheckRuleIds.HeadingLevelSkip], "table, h1, h2, h3, h4, h5, h6"),
        ("2.4.4", [Publishing.Checks.CheckRuleIds.VagueLinkText], "a[href]"),
    ];
}
