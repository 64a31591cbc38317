using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.Reports;
using T = NpoMunicipalNetwork.OpenData.OpenDataTypes;

namespace NpoMunicipalNetwork.OpenData;

/// <summary>
/// Published reports (<see cref="PublishedReports"/>) and published news (<see cref="PublishedNews"/>) of the hub and of
/// active member sites: the same cross-tenant reads the public lists use, so drafts, closed items and disabled sites stay out.
/// </summary>
public static class PublicationTables
{
    private sealed record ReportRow(Report Report, SiteFacts Site, IReadOnlyList<int> RelatedCases);

    private sealed record SiteFacts(string Name, string DisplayName, string? MemberCode, bool IsHub)
    {
        public string Path => IsHub ? "" : "/" + Name;
    }

    public static async Task<IReadOnlyList<OpenDataTable>> BuildAsync(NetworkDbContext db, string baseUrl, CancellationToken ct)
    {
        var reports = await PublishedReports.All(db).AsNoTracking().AsSplitQuery()
            .Include(r => r.Topics).ThenInclude(t => t.Field).Include(r => r.RelatedCases).Include(r => r.Files)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var publishedCases = (await PublishedCases.All(db).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var sites = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Id, t => new SiteFacts(t.Name, t.DisplayName, t.MemberCode, t.IsHub), ct);
        var reportRows = reports.Select(r => new ReportRow(r, sites[r.TenantId],
            r.RelatedCases.Select(c => c.PolicyCaseId).Where(publishedCases.Contains).Order().ToList()));

        var newsCount = await PublishedNews.CountAsync(db, null, ct);
        var news = await PublishedNews.LatestAsync(db, null, 0, newsCount, ct);

        return
        [
            OpenDataTable.Of<ReportRow>("reports", "調査研究報告書",
                "事務局と会員団体が公開している報告書です。PDF は URL から取得できます。", Reports(baseUrl), reportRows),
            OpenDataTable.Of<NewsLink>("news", "お知らせ",
                "事務局と会員団体が公開しているお知らせです（新しい順）。本文は表示用の HTML です。", News(baseUrl), news),
        ];
    }

    private static IReadOnlyList<OpenDataField<ReportRow>> Reports(string baseUrl) =>
    [
        new("id", "ID", "報告書の番号。", T.Integer, r => r.Report.Id),
        new("site", "サイト名（URL）", "報告書を公開したサイト（hub は事務局）。", T.Code, r => r.Site.Name),
        new("siteName", "発行", "報告書を公開したサイトの名前。", T.Text, r => r.Site.DisplayName),
        new("memberCode", "団体コード", "会員団体の報告書なら、その団体コード。", T.GovernmentCode, r => r.Site.IsHub ? null : r.Site.MemberCode),
        new("title", "題名", "報告書の題名。", T.Text, r => r.Report.Title),
        new("fiscalYear", "年度", "報告書の対象または発行の年度を西暦で。", T.Integer, r => r.Report.FiscalYear),
        new("authors", "著者", "1行に1人、「氏名|所属」の形で。", T.LineList,
            r => ReportAuthors.Parse(r.Report.Authors).Select(a => a.Organisation is { } o ? $"{a.Name}|{o}" : a.Name).ToList()),
        new("summary", "概要", "報告書の概要。", T.MultilineText, r => r.Report.Summary),
        new("tableOfContents", "目次", "1行に1項目。字下げした行は上の章の節です。", T.MultilineText, r => r.Report.TableOfContents),
        new("body", "本文（Markdown）", "ウェブ上の本文（ある場合）。", T.MultilineText, r => r.Report.Body),
        new("topics", "政策分野", "扱う政策分野のコード（case-vocabulary の field）。", T.CodeList,
            r => r.Report.Topics.Where(t => t.Field is not null).OrderBy(t => t.Field!.Order).Select(t => t.Field!.Code).ToList()),
        new("relatedCases", "関連する事例", "関連する公開中の政策事例の ID（cases の id）。", T.IdList, r => r.RelatedCases),
        new("files", "PDF", "1行に1件、「表示名|URL」の形で。", T.LineList,
            r => r.Report.Files.OrderBy(f => f.Order).Select(f => $"{f.Title}|{baseUrl}{r.Site.Path}/reports/{r.Report.Id}/files/{f.StoredFileId}").ToList()),
        new("url", "URL", "報告書のページ。", T.Url, r => $"{baseUrl}{r.Site.Path}/reports/{r.Report.Id}"),
        new("publishedAt", "公開日時", "初めて公開した日時。", T.Instant, r => r.Report.PublishedUtc),
    ];

    private static IReadOnlyList<OpenDataField<NewsLink>> News(string baseUrl) =>
    [
        new("id", "ID", "お知らせの番号。", T.Integer, n => n.Id),
        new("siteName", "発信元", "お知らせを公開したサイトの名前。", T.Text, n => n.SiteName),
        new("fromHub", "事務局", "事務局（ネットワーク本体）のお知らせなら true。", T.Boolean, n => n.FromHub),
        new("title", "題名", "お知らせの題名。", T.Text, n => n.Title),
        new("bodyHtml", "本文（HTML）", "表示用の本文。安全な要素だけに整えた HTML です。", T.MultilineText, n => n.BodyHtml),
        new("url", "URL", "お知らせのページ。", T.Url, n => baseUrl + n.Path),
        new("publishedAt", "公開日時", "公開した日時。", T.Instant, n => n.PublishedUtc),
        new("updatedAt", "更新日時", "最後に更新した日時。", T.Instant, n => n.UpdatedUtc),
        new("isSample", "見本", "見本として作ったお知らせなら true。", T.Boolean, n => n.IsSample),
    ];
}
