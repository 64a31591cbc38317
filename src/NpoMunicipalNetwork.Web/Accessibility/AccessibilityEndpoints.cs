
namespace NpoMunicipalNetwork.Accessibility;

/// <summary>
/// The network's web accessibility policy (ウェブアクセシビリティ方針) and its test results (試験結果),
/// on the hub; every site's footer links here. The results pages show stored runs only.
/// </summary>
public static class AccessibilityEndpoints
{
    private const int RunsListed = 20;

    public static IEndpointRouteBuilder MapAccessibility(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/accessibility").HubOnly();
        g.MapGet("/", Policy);
        g.MapGet("/results", Results);
        g.MapGet("/results/{id:int}", Run);
        return app;
    }

    /// <summary>The date the policy was set, from <c>Accessibility:PolicyDate</c> (yyyy-MM-dd); null when not configured.</summary>
    public static DateOnly? PolicyDate(IConfiguration config) =>
        DateOnly.TryParseExact(config["Accessibility:PolicyDate"], "yyyy-MM-dd", out var d) ? d : null;

    private static async Task<IResult> Policy(NetworkDbContext db, IConfiguration config, CancellationToken ct)
    {
        var date = PolicyDate(config);
        return ThemeResults.View("accessibility/policy",
            new PolicyModel(date is { } d ? $"{JapaneseEra.FormatDate(d)}（{d.Year}年{d.Month}月{d.Day}日）" : null, date is { } y ? JapaneseEra.FormatYearWithEra(y.Year) : null,
                await RunLinksAsync(db, 5, ct)),
            new PageMeta("ウェブアクセシビリティ方針", [new Breadcrumb("ホーム", "/"), new Breadcrumb("ウェブアクセシビリティ方針")],
                "NPO活動推進自治体ネットワークのウェブサイトと会員サイトのアクセシビリティ方針（JIS X 8341-3:2016 適合レベルAA）"));
    }

    private static async Task<IReadOnlyList<RunLink>> RunLinksAsync(NetworkDbContext db, int take, CancellationToken ct)
    {
        var runs = await db.AccessibilityRuns.AsNoTracking().OrderByDescending(r => r.RanUtc).ThenByDescending(r => r.Id).Take(take)
            .Select(r => new
            {
                Run = r,
                Pages = r.Pages.Count,
                Failed = r.Pages.Count(p => p.Criteria.Any(c => c.Outcome == CriterionOutcome.Fail)),
            }).ToListAsync(ct);
        return runs.Select(r => RunReports.Link(r.Run, r.Pages, r.Failed)).ToList();
    }

    private static Task<AccessibilityRun?> LoadAsync(NetworkDbContext db, IQueryable<AccessibilityRun> runs, CancellationToken ct) =>
        runs.AsNoTracking().Include(r => r.Pages).ThenInclude(p => p.Criteria).AsSplitQuery().FirstOrDefaultAsync(ct);

    private static async Task<IResult> Results(NetworkDbContext db, CancellationToken ct)
    {
        // The newest run of each kind: they test different things (the rendered pages, the authors' bodies).
        var latest = new List<RunReport>();
        foreach (var source in new[] { AccessibilitySource.Axe, AccessibilitySource.Checker })
            if (await LoadAsync(db, db.AccessibilityRuns.Where(r => r.Source == source).OrderByDescending(r => r.RanUtc).ThenByDescending(r => r.Id), ct) is { } run)
                latest.Add(RunReports.Report(run));
        return ThemeResults.View("accessibility/results", new ResultsModel(latest, await RunLinksAsync(db, RunsListed, ct)),
            new PageMeta("試験結果", [new Breadcrumb("ホーム", "/"), new Breadcrumb("ウェブアクセシビリティ方針", "/accessibility"), new Breadcrumb("試験結果")],
                "ウェブアクセシビリティ方針に基づく自動試験の結果（試験日、対象ページ、達成基準ごとの結果）"));
    }

    private static async Task<IResult> Run(int id, NetworkDbContext db, CancellationToken ct)
    {
        if (await LoadAsync(db, db.AccessibilityRuns.Where(r => r.Id == id), ct) is not { } run)
            return ThemeResults.NotFound();
        var title = $"試験結果（{JapanTime.FormatDateTime(run.RanUtc)}）";
        return ThemeResults.View("accessibility/results", new ResultsModel([RunReports.Report(run)], []),
            new PageMeta(title, [new Breadcrumb("ホーム", "/"), new Breadcrumb("ウェブアクセシビリティ方針", "/accessibility"), new Breadcrumb("試験結果", "/accessibility/results"), new Breadcrumb(title)]));
    }
}
