using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// Link text that says nothing about where the link goes (こちら, ここ, 詳細, ここをクリック, click here,
/// more): screen-reader users often list the links of a page out of context. A link is flagged when its
/// text, ignoring spaces, punctuation and a note in brackets such as （PDF：120KB）, is one of those
/// phrases, possibly with a filler around it (詳細は…, …から, …をクリックしてください). Only the author can
/// write a better text, so there is no fix.
/// </summary>
internal sealed partial class VagueLinkTextRule : IContentRule
{
    private static readonly HashSet<string> Vague =
    [
        "こちら", "ここ", "コチラ", "ココ", "これ", "詳細", "詳しく", "くわしく", "詳細情報", "詳しい情報",
        "クリック", "リンク", "リンク先", "このページ", "こちらのページ", "このリンク", "もっと見る", "もっとみる",
        "続き", "つづき", "続きを読む", "さらに詳しく",
        "click", "clickhere", "here", "more", "readmore", "moreinfo", "moreinformation", "learnmore", "link", "thislink",
        "details", "thispage", "detail",
    ];

    private static readonly string[] Prefixes = ["詳細は", "詳しくは", "くわしくは", "詳細については", "続きは", "詳細情報は"];

    private static readonly string[] Suffixes =
    [
        "をクリックしてください", "をクリック", "をご覧ください", "をご確認ください", "をご参照ください", "を参照してください",
        "を参照", "を見る", "を確認", "からどうぞ", "から", "へ", "です", "まで",
    ];

    public IEnumerable<CheckFinding> Check(CheckedContent content)
    {
        foreach (var link in content.Html.QuerySelectorAll("a[href]"))
        {
            var text = LinkText(link);
            if (!IsVague(text))
                continue;
            yield return new CheckFinding(CheckRuleIds.VagueLinkText, CheckSeverity.Warning,
                $"リンクの文字「{Excerpts.Shorten(text)}」だけでは、リンク先の内容がわかりません。「申請書のダウンロード」「補助金の募集要項」のように、リンク先がわかる文字にしてください。",
                Excerpts.Shorten(text), AutoFixable: false);
        }
    }

    internal static bool IsVague(string linkText)
    {
        var core = Normalize(linkText);
        if (core.Length == 0)
            return false;
        if (Vague.Contains(core))
            return true;
        foreach (var prefix in Prefixes.Where(p => core.StartsWith(p, StringComparison.Ordinal)))
            if (Vague.Contains(StripSuffix(core[prefix.Length..])))
                return true;
        return Vague.Contains(StripSuffix(core));
    }

    private static string StripSuffix(string text)
    {
        var suffix = Suffixes.FirstOrDefault(s => text.EndsWith(s, StringComparison.Ordinal) && text.Length > s.Length);
        return suffix is null ? text : text[..^suffix.Length];
    }

    /// <summary>What a screen reader announces: the text, with alt text standing in for images.</summary>
    private static string LinkText(IElement link)
    {
        var text = new StringBuilder();
        foreach (var node in link.Descendants())
        {
            if (node is IText t)
                text.Append(t.Data);
            else if (node is IElement { LocalName: "img" } img)
                text.Append(img.GetAttribute("alt"));
        }
        return text.ToString();
    }

    /// <summary>Lower case, without bracketed notes, spaces, punctuation or symbols (» ＞ → …).</summary>
    private static string Normalize(string text)
    {
        var s = BracketedNote().Replace(text.Normalize(NormalizationForm.FormKC), "");
        return string.Concat(s.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))).ToLowerInvariant();
    }

    [GeneratedRegex(@"[(（\[［【][^)）\]］】]*[)）\]］】]")]
    private static partial Regex BracketedNote();
}
