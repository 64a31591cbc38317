using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.Publishing.Checks;

namespace NpoMunicipalNetwork.Accessibility;

/// <summary>
/// Runs the authoring checker (the rules the page editor shows) over the body of every published
/// page, news item, policy case and report of the hub and the active member sites, and turns its
/// findings into per-page, per-criterion results. It reads across tenants on purpose and so reads
/// only what is public anyway.
/// </summary>
public static class CheckerRun
{
    public const string ToolName = "作成時チェッカー（本文の自動チェック）";

    /// <summary>A published body to check: where it is read, its title and its Markdown.</summary>
    public sealed record PublishedBody(string Url, string Title, string Markdown);

    public static async Task<AccessibilityRun> RunAsync(NetworkDbContext db, ContentChecker checker, DateTime nowUtc, string? startedBy, CancellationToken ct)
    {
        var run = new AccessibilityRun { Source = AccessibilitySource.Checker, Tool = ToolName, RanUtc = nowUtc, StartedBy = startedBy };
        foreach (var body in await PublishedBodiesAsync(db, ct))
            run.Pages.Add(Judge(checker, body));
        return run;
    }

    /// <summary>The results for one body: 不適合 where a rule of the criterion found anything, else 適合 where the body has what the criterion is about, else 該当なし.</summary>
    public static AccessibilityPageResult Judge(ContentChecker checker, PublishedBody body)
    {
        var findings = checker.Check(body.Markdown);
        var html = CheckedContent.Parse(body.Markdown).Html;
        var page = new AccessibilityPageResult { Url = Clip(body.Url, AccessibilityPageResult.UrlLength), Title = Clip(body.Title, AccessibilityPageResult.TitleLength) };
        foreach (var (criterion, rules, appliesTo) in WcagCriteria.CheckerCriteria)
        {
            // A finding is counted as a failure whatever its severity: the results page reports what the checks flagged, not what an approver later accepted.
            var failed = findings.Where(f => rules.Contains(f.RuleId)).ToList();
            var outcome = failed.Count > 0 ? CriterionOutcome.Fail
                : html.QuerySelector(appliesTo) is not null ? CriterionOutcome.Pass
                : CriterionOutcome.NotApplicable;
            page.Criteria.Add(new AccessibilityCriterionResult
            {
                Criterion = criterion, Outcome = outcome, Problems = failed.Count,
                Rules = failed.Count == 0 ? null : string.Join(",", failed.Select(f => f.RuleId).Distinct()),
            });
        }
        return page;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Every published body of the hub and the active member sites, in a stable order (site, kind, id).</summary>
    public static async Task<IReadOnlyList<PublishedBody>> PublishedBodiesAsync(NetworkDbContext db, CancellationToken ct)
    {
        var sites = await db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active)
            .Select(t => new { t.Id, t.Name, t.IsHub }).ToDictionaryAsync(t => t.Id, ct);
        string Prefix(int tenantId) => sites[tenantId].IsHub ? "" : "/" + sites[tenantId].Name;
        var ids = sites.Keys.ToList();
        var bodies = new List<PublishedBody>();

        var pages = await db.Pages.IgnoreQueryFilters().AsNoTracking().Where(p => p.IsPublished && ids.Contains(p.TenantId))
            .OrderBy(p => p.TenantId).ThenBy(p => p.Id).Select(p => new { p.TenantId, p.Slug, p.Title, p.BodyMarkdown }).ToListAsync(ct);
        bodies.AddRange(pages.Select(p => new PublishedBody($"{Prefix(p.TenantId)}/pages/{p.Slug}", p.Title, p.BodyMarkdown)));

        var news = await db.NewsItems.IgnoreQueryFilters().AsNoTracking().Where(n => n.IsPublished && ids.Contains(n.TenantId))
            .OrderBy(n => n.TenantId).ThenBy(n => n.Id).Select(n => new { n.TenantId, n.Id, n.Title, n.BodyMarkdown }).ToListAsync(ct);
        bodies.AddRange(news.Select(n => new PublishedBody($"{Prefix(n.TenantId)}/news/{n.Id}", n.Title, n.BodyMarkdown)));

        var cases = await Cases.PublishedCases.All(db).AsNoTracking().OrderBy(c => c.TenantId).ThenBy(c => c.Id).ToListAsync(ct);
        bodies.AddRange(cases.Where(c => sites.ContainsKey(c.TenantId))
            .Select(c => new PublishedBody($"{Prefix(c.TenantId)}/cases/{c.Id}", c.Title, Cases.CaseContent.From(c).SectionsMarkdown())));

        var reports = await Reports.PublishedReports.All(db).AsNoTracking().OrderBy(r => r.TenantId).ThenBy(r => r.Id).ToListAsync(ct);
        bodies.AddRange(reports.Where(r => sites.ContainsKey(r.TenantId))
            .Select(r => new PublishedBody($"{Prefix(r.TenantId)}/reports/{r.Id}", r.Title, Reports.ReportContent.From(r).Markdown())));
        return bodies;
    }
}
