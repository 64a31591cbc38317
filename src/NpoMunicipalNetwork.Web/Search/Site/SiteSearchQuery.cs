using Microsoft.AspNetCore.WebUtilities;

namespace NpoMunicipalNetwork.Search.Site;

/// <summary>
/// What the URL asks the site search for: <c>/search?q=協働&amp;type=news&amp;page=2</c>. The whole search is
/// in the query string, so a result list can be bookmarked and shared.
/// </summary>
public sealed record SiteSearchQuery(string Text, SiteKind? Kind, int Page)
{
    public const int MaxTextLength = 200;

    /// <summary>Reads the query string; every value it cannot use is a problem in Japanese naming its field.</summary>
    public static SiteSearchQuery Parse(IQueryCollection query, out List<string> problems)
    {
        problems = [];
        var text = string.Join(" ", query["q"].Where(v => !string.IsNullOrWhiteSpace(v))).Trim();
        if (text.Length > MaxTextLength)
            problems.Add($"キーワードは {MaxTextLength} 文字以内で入力してください（{text.Length} 文字あります）。");
        SiteKind? kind = null;
        var type = query["type"].ToString();
        if (type is not ("" or "all"))
        {
            kind = SiteKinds.FromCode(type);
            if (kind is null)
                problems.Add($"種類「{type}」はありません。すべて・ページ・お知らせ・事例・報告書・フォーラム・掲示板から選んでください。");
        }
        var page = 1;
        var pageText = query["page"].ToString();
        if (pageText.Length > 0 && (!int.TryParse(pageText, out page) || page < 1 || page > 1000))
            problems.Add("ページ番号は 1 から 1000 までの数字で指定してください。");
        return new SiteSearchQuery(text, kind, page);
    }

    /// <summary>This search's URL under <paramref name="path"/>, with the kind and page replaced where given.</summary>
    public string Url(string path, SiteKind? kind, int page)
    {
        var parts = new Dictionary<string, string?>();
        if (Text.Length > 0)
            parts["q"] = Text;
        if (kind is { } k)
            parts["type"] = k.Code();
        if (page > 1)
            parts["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(path, parts);
    }
}
