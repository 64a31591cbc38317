using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Reports;

namespace NpoMunicipalNetwork.Api;

public sealed record ReportAuthorModel(string Name, string? Organisation);

public sealed record ReportSummary(int Id, string Title, int FiscalYear, string Summary, ApiSiteRef Site, IReadOnlyList<ApiTerm> Topics,
    IReadOnlyList<ReportAuthorModel> Authors, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string Url);

public sealed record ReportTocModel(int Level, string Text);

public sealed record ReportDetail(int Id, string Title, int FiscalYear, string Summary, ApiSiteRef Site, IReadOnlyList<ApiTerm> Topics,
    IReadOnlyList<ReportAuthorModel> Authors, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string Url,
    IReadOnlyList<ReportTocModel> TableOfContents, string? BodyHtml, IReadOnlyList<ApiFile> Files, IReadOnlyList<int> RelatedCases);

/// <summary>
/// <c>/api/v1/reports</c>: published reports of the secretariat and of active member sites, by fiscal
/// year (newest first), filtered by topic (政策分野) and fiscal year as the hub's list is.
/// </summary>
public static class ReportApi
{
    public static RouteGroupBuilder MapReportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports", List)
            .Describe("listReports", "reports", "調査研究報告書の一覧",
                "事務局と会員が公開している報告書を、年度の新しい順に返します。topic（政策分野のコード）と year（年度、西暦）で絞り込めます。",
                ApiExamples.ReportList)
            .Produces<ApiPage<ReportSummary>>().ProducesProblem(400);
        api.MapGet("/reports/{id:int}", Get)
            .Describe("getReport", "reports", "報告書を1件取得する",
                "公開中の報告書の目次・本文（HTML）・PDF ファイル・関連する公開事例の id を返します。",
                ApiExamples.ReportDetail)
            .Produces<ReportDetail>().ProducesProblem(404);
        return api;
    }

    public sealed class ReportListParameters
    {
        [System.ComponentModel.Description("政策分野のコード")] public string? topic { get; init; }
        [System.ComponentModel.Description("年度（西暦4桁）")] public string? year { get; init; }
        [System.ComponentModel.Description("1ページの件数（1〜100、既定 20）")] public string? limit { get; init; }
        [System.ComponentModel.Description("前のレスポンスの next")] public string? cursor { get; init; }
    }

    private static async Task<IResult> List([AsParameters] ReportListParameters parameters, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var request = http.Request;
        var list = new ApiListRequest(request, ["topic", "year"]);
        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        var topicCode = list.Single("topic", "テーマ");
        var topic = topicCode is null ? null : vocabulary.Fields.FirstOrDefault(f => f.Code == topicCode);
        if (topicCode is not null && topic is null)
            list.Errors["topic"] = [$"テーマ（topic）「{topicCode}」はありません。"];
        int? year = null;
        if (list.Single("year", "年度") is { } yearText)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= ReportForm.FirstFiscalYear and <= 2100)
                year = y;
            else
                list.Errors["year"] = [$"年度（year）「{yearText}」は西暦4桁で指定してください（例: 2024）。"];
        }
        long afterYear = 0, afterId = 0;
        if (list.Paging("reports", key => ApiPaging.TryRead(key, 0, out afterYear) && ApiPaging.TryRead(key, 1, out afterId)) is not { } paging)
            return list.Problem();

        var reports = PublishedReports.All(db).AsNoTracking();
        if (topic is not null)
            reports = reports.Where(r => r.Topics.Any(t => t.PolicyFieldId == topic.Id));
        if (year is { } fy)
            reports = reports.Where(r => r.FiscalYear == fy);
        if (paging.After is not null)
            reports = reports.Where(r => r.FiscalYear < afterYear || (r.FiscalYear == afterYear && r.Id < afterId));
        var rows = await reports.OrderByDescending(r => r.FiscalYear).ThenByDescending(r => r.Id).Take(paging.Limit + 1)
            .Include(r => r.Topics).ThenInclude(t => t.Field).AsSplitQuery().ToListAsync(ct);
        var sites = await ApiSites.LoadAsync(db, rows.Select(r => r.TenantId), ct);
        return paging.Send(request, "reports", rows, r => Summary(request, r, sites[r.TenantId]), r => [r.FiscalYear, r.Id]);
    }

    private static ReportSummary Summary(HttpRequest request, Report r, ApiSites.SiteFacts site) =>
        new(r.Id, r.Title, r.FiscalYear, r.Summary, ApiLinks.Site(request, site.Name, site.DisplayName, site.IsHub),
            r.Topics.Where(t => t.Field is not null).OrderBy(t => t.Field!.Order).Select(t => new ApiTerm(t.Field!.Code, t.Field.Name)).ToList(),
            ReportAuthors.Parse(r.Authors).Select(a => new ReportAuthorModel(a.Name, a.Organisation)).ToList(),
            ApiLinks.Utc(r.PublishedUtc), ApiLinks.Utc(r.UpdatedUtc), ApiLinks.Absolute(request, $"/reports/{r.Id}"));

    private static async Task<IResult> Get([System.ComponentModel.Description("報告書の id")] int id, HttpContext http, NetworkDbContext db, RichText richText, CancellationToken ct)
    {
        var r = await ReportWorkflow.WithChildren(PublishedReports.All(db)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
            return ApiProblems.NotFound($"報告書 {id} は公開されていません。");
        var site = (await ApiSites.LoadAsync(db, [r.TenantId], ct))[r.TenantId];
        var s = Summary(http.Request, r, site);
        // Only cases that are still published are listed; a withdrawn case simply drops out.
        var caseIds = r.RelatedCases.Select(c => c.PolicyCaseId).ToList();
        var publicCases = await PublishedCases.All(db).Where(c => caseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        return ApiJson.Ok(new ReportDetail(s.Id, s.Title, s.FiscalYear, s.Summary, s.Site, s.Topics, s.Authors, s.PublishedAt, s.UpdatedAt, s.Url,
            ReportToc.Parse(r.TableOfContents).Select(t => new ReportTocModel(t.Level, t.Text)).ToList(),
            string.IsNullOrWhiteSpace(r.Body) ? null : richText.ToSafeHtml(r.Body),
            r.Files.OrderBy(f => f.Order).Where(f => f.File is not null).Select(f => new ApiFile(f.Title, f.File!.FileName, f.File.ContentType, f.File.Length,
                ApiLinks.Absolute(http.Request, $"/reports/{r.Id}/files/{f.StoredFileId}"))).ToList(),
            caseIds.Where(publicCases.Contains).ToList()));
    }
}
