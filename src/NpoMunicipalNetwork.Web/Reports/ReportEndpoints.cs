using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Reports;

/// <summary>
/// Public reports. The hub lists and shows every published report (the secretariat's and every
/// member's, through <see cref="PublishedReports"/>); a member site lists and shows its own.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports", List);
        app.MapGet("/reports/{id:int}", Show);
        app.MapGet("/reports/{id:int}/files/{fileId:int}", File);
        return app;
    }

    /// <summary>Filtered by topic (政策分野 code) and fiscal year with a plain GET form; an unknown value is a 400, not an empty list.</summary>
    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var list = new ListQuery(http.Request, "/reports", [], "");
        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        var errors = new List<string>();
        var topicCode = list.Filter("topic");
        var topic = topicCode is null ? null : vocabulary.Fields.FirstOrDefault(f => f.Code == topicCode);
        if (topicCode is not null && topic is null)
            errors.Add($"テーマ「{topicCode}」はありません。一覧から選んでください。");
        int? year = null;
        if (list.Filter("year") is { } yearText)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= ReportForm.FirstFiscalYear and <= 2100)
                year = y;
            else
                errors.Add($"年度「{yearText}」は西暦4桁の年度で指定してください（例: 2024）。");
        }
        if (errors.Count > 0)
            return ThemeResults.BadRequest(errors);

        var visible = PublishedReports.Visible(db, tenant);
        var years = await visible.Select(r => r.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var reports = visible;
        if (topic is not null)
            reports = reports.Where(r => r.Topics.Any(t => t.PolicyFieldId == topic.Id));
        if (year is { } fy)
            reports = reports.Where(r => r.FiscalYear == fy);
        var total = await reports.CountAsync(ct);
        var ids = await list.Apply(PublishedReports.Newest(reports)).Select(r => r.Id).ToListAsync(ct);
        var cards = await PublishedReports.CardsAsync(db, ids, ct);
        var groups = cards.GroupBy(c => c.FiscalYear).Select(g => new ReportYearGroup(g.Key, g.ToList())).ToList();

        var title = tenant.Tenant.IsHub ? "調査研究報告書" : "報告書";
        var model = new ReportListModel(tenant.Tenant.DisplayName, groups, list.Pager(total),
            vocabulary.Fields.Where(f => !f.IsRetired || f.Code == topicCode).Select(f => new Option(f.Code, f.Name, f.Code == topicCode)).ToList(),
            years.Select(y => new Option(y.ToString(CultureInfo.InvariantCulture), JapaneseEra.FormatFiscalYear(y), y == year)).ToList(),
            topicCode, year, topic?.Name);
        return ThemeResults.View("reports/list", model, new PageMeta(title, [new Breadcrumb("ホーム", "/"), new Breadcrumb(title)],
            tenant.Tenant.IsHub ? "ネットワークと会員自治体が公開している調査研究報告書" : $"{tenant.Tenant.DisplayName}の報告書"));
    }

    private static async Task<IResult> Show(int id, NetworkDbContext db, TenantContext tenant, RichText richText, CancellationToken ct)
    {
        var r = await ReportWorkflow.WithChildren(PublishedReports.Visible(db, tenant)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
            return ThemeResults.NotFound();
        var site = await db.Tenants.AsNoTracking().Where(t => t.Id == r.TenantId).Select(t => new { t.Name, t.DisplayName, t.IsHub }).SingleAsync(ct);
        // Only cases that are still published are shown; a withdrawn case simply drops out.
        var caseIds = r.RelatedCases.Select(c => c.PolicyCaseId).ToList();
        var cases = await PublishedCases.LoadAsync(db, caseIds, ct);
        var model = new ReportViewModel(r.Id, r.Title, r.FiscalYear, r.Summary, site.DisplayName, site.IsHub ? "/" : $"/{site.Name}/",
            ReportAuthors.Parse(r.Authors), ReportToc.Parse(r.TableOfContents),
            string.IsNullOrWhiteSpace(r.Body) ? null : richText.ToSafeHtml(r.Body),
            r.Topics.Where(t => t.Field is not null).OrderBy(t => t.Field!.Order).Select(t => t.Field!.Name).ToList(),
            r.Files.OrderBy(f => f.Order).Where(f => f.File is not null)
                .Select(f => new ReportFileView(f.Title, f.File!.FileName, Files.FileRules.Megabytes(f.File.Length), $"/reports/{r.Id}/files/{f.StoredFileId}")).ToList(),
            cases.Select(c => new ReportCaseView(c.Case.Title, c.SiteName, CaseDisplay.Years(c.Case.StartFiscalYear, c.Case.EndFiscalYear), $"/cases/{c.Case.Id}")).ToList(),
            r.PublishedUtc, r.UpdatedUtc, tenant.Tenant.IsHub, !site.IsHub, site.IsHub ? $"/reports/{r.Id}" : $"/{site.Name}/reports/{r.Id}");
        var listTitle = tenant.Tenant.IsHub ? "調査研究報告書" : "報告書";
        return ThemeResults.View("reports/show", model, new PageMeta(r.Title, [new Breadcrumb("ホーム", "/"), new Breadcrumb(listTitle, "/reports"), new Breadcrumb(r.Title)], r.Summary));
    }

    /// <summary>A PDF of a report the reader may see, only while it is part of the published report.</summary>
    private static async Task<IResult> File(int id, int fileId, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var attached = await PublishedReports.Visible(db, tenant).AnyAsync(r => r.Id == id && r.Files.Any(f => f.StoredFileId == fileId), ct);
        return attached ? await Files.FileResults.DownloadAsync(db, fileId, ct) : ThemeResults.NotFound();
    }
}
