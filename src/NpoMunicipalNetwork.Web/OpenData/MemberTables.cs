using NpoMunicipalNetwork.Members;
using T = NpoMunicipalNetwork.OpenData.OpenDataTypes;

namespace NpoMunicipalNetwork.OpenData;

/// <summary>
/// The registry, the members and the member sites, as the public directory (<c>/members</c>,
/// <c>/members/{code}</c>) shows them: the membership contacts are the departments' official
/// contacts the profile page prints; nothing about staff accounts.
/// </summary>
public static class MemberTables
{
    private sealed record GovernmentRow(Government G, bool IsMember, string? SiteUrl);

    private sealed record SiteRow(Tenant Site, string Url);

    public static async Task<IReadOnlyList<OpenDataTable>> BuildAsync(NetworkDbContext db, string baseUrl, DateOnly today, CancellationToken ct)
    {
        var governments = await db.Governments.AsNoTracking().Include(g => g.Membership).OrderBy(g => g.Code).ToListAsync(ct);
        // Only active member sites are public; a disabled site answers 404 and is left out.
        var sites = await db.Tenants.AsNoTracking().Include(t => t.Hosts).Where(t => !t.IsHub && t.Status == TenantStatus.Active)
            .OrderBy(t => t.Name).ToListAsync(ct);
        var siteByCode = sites.Where(s => s.MemberCode != null).GroupBy(s => s.MemberCode!).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Id).First());
        string? SiteUrl(string code) => siteByCode.TryGetValue(code, out var s) ? $"{baseUrl}/{s.Name}/" : null;
        var rows = governments.Select(g => new GovernmentRow(g, g.Membership?.IsMemberOn(today) == true, SiteUrl(g.Code))).ToList();
        var names = governments.ToDictionary(g => g.Code, g => g.Name);

        return
        [
            OpenDataTable.Of<GovernmentRow>("governments", "全国の地方公共団体（団体名簿）",
                "47都道府県と全市区町村の名簿です。会員かどうかにかかわらず、すべての団体を載せます。", Registry(baseUrl), rows),
            OpenDataTable.Of<GovernmentRow>("members", "会員団体",
                "ネットワークに加入したことのある団体と、加入・退会の日付、NPO施策の担当部署の連絡先です。見本データの行は isSample が true です。",
                Members(baseUrl), rows.Where(r => r.G.Membership is not null)),
            OpenDataTable.Of<SiteRow>("sites", "会員サイト",
                "このサイトで公開中の会員団体のサイトです（停止中のサイトは含みません）。",
                Sites(names), sites.Select(s => new SiteRow(s, $"{baseUrl}/{s.Name}/"))),
        ];
    }

    private static IReadOnlyList<OpenDataField<GovernmentRow>> Registry(string baseUrl) =>
    [
        new("code", "団体コード", "全国地方公共団体コード。", T.GovernmentCode, r => r.G.Code),
        new("name", "団体名", "団体の名称。", T.Text, r => r.G.Name),
        new("kana", "よみがな", "名称の読み（ひらがな）。", T.Text, r => r.G.Kana),
        new("kind", "種類", "都道府県・政令指定都市・行政区・市・特別区・町・村。", T.Text, r => r.G.Kind.Japanese()),
        new("kindCode", "種類コード", "種類の英語表記（prefecture, designated-city, ward, city, special-ward, town, village）。", T.Code, r => r.G.Kind.Slug()),
        new("prefectureCode", "都道府県コード", "都道府県の2桁の番号（01 北海道〜47 沖縄県）。", "文字列（2桁）", r => r.G.PrefectureCode),
        new("prefecture", "都道府県", "所在する都道府県。", T.Text, r => r.G.PrefectureName),
        new("parentCode", "親団体コード", "行政区の場合、その政令指定都市の団体コード。ほかは空欄。", T.GovernmentCode, r => r.G.ParentCode),
        new("websiteUrl", "ウェブサイト", "団体の公式ウェブサイト（名簿にある場合）。", T.Url, r => r.G.WebsiteUrl),
        new("isMember", "現在の会員", "作成日に会員（加入済みで退会していない）なら true。", T.Boolean, r => r.IsMember),
        new("profileUrl", "団体情報のURL", "このサイトの団体情報のページ。", T.Url, r => $"{baseUrl}/members/{r.G.Code}"),
    ];

    private static IReadOnlyList<OpenDataField<GovernmentRow>> Members(string baseUrl) =>
    [
        new("code", "団体コード", "全国地方公共団体コード。", T.GovernmentCode, r => r.G.Code),
        new("name", "団体名", "団体の名称。", T.Text, r => r.G.Name),
        new("kind", "種類", "都道府県・政令指定都市・市・特別区・町・村など。", T.Text, r => r.G.Kind.Japanese()),
        new("prefecture", "都道府県", "所在する都道府県。", T.Text, r => r.G.PrefectureName),
        new("joinedOn", "加入日", "ネットワークに加入した日。", T.Date, r => r.G.Membership!.JoinedOn),
        new("leftOn", "退会日", "退会した日。会員のあいだは空欄。", T.Date, r => r.G.Membership!.LeftOn),
        new("isMember", "現在の会員", "作成日に会員なら true。", T.Boolean, r => r.IsMember),
        new("department", "担当部署", "NPO施策を担当する部署。", T.Text, r => r.G.Membership!.DepartmentName),
        new("phone", "電話番号", "担当部署の電話番号。", T.Text, r => r.G.Membership!.ContactPhone),
        new("email", "メールアドレス", "担当部署のメールアドレス。", T.Text, r => r.G.Membership!.ContactEmail),
        new("address", "所在地", "担当部署の所在地。", T.Text, r => r.G.Membership!.ContactAddress),
        new("siteUrl", "会員サイトのURL", "このサイト上の会員サイト（公開中の場合）。", T.Url, r => r.SiteUrl),
        new("profileUrl", "団体情報のURL", "このサイトの団体情報のページ。", T.Url, r => $"{baseUrl}/members/{r.G.Code}"),
        new("isSample", "見本", "見本として作った架空の会員情報なら true。", T.Boolean, r => r.G.Membership!.IsSample),
    ];

    private static IReadOnlyList<OpenDataField<SiteRow>> Sites(IReadOnlyDictionary<string, string> names) =>
    [
        new("name", "サイト名（URL）", "URL の最初の部分（/chiba/ の chiba）。", T.Code, r => r.Site.Name),
        new("displayName", "サイトの表示名", "サイトの名前。", T.Text, r => r.Site.DisplayName),
        new("memberCode", "団体コード", "サイトを運営する会員団体の団体コード。", T.GovernmentCode, r => r.Site.MemberCode),
        new("memberName", "団体名", "サイトを運営する会員団体の名称。", T.Text, r => r.Site.MemberCode is { } c ? names.GetValueOrDefault(c) : null),
        new("tagline", "キャッチフレーズ", "サイトの見出しの下に出る一文。", T.Text, r => r.Site.Tagline),
        new("url", "URL", "このサイト上の会員サイトのトップページ。", T.Url, r => r.Url),
        new("hosts", "独自のホスト名", "会員サイトに割り当てた独自のホスト名（1行に1件）。", T.LineList, r => r.Site.Hosts.Select(h => h.HostName).Order().ToList()),
        new("isSample", "見本", "見本として作ったサイトなら true。", T.Boolean, r => r.Site.IsSample),
    ];
}
