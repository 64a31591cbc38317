using NpoMunicipalNetwork.Publishing.Checks;

namespace NpoMunicipalNetwork.Accessibility;

public sealed record AccessibilityAdminModel(FormState Form, IReadOnlyList<RunLink> Runs, int PublishedBodies, string? PolicyDate);

/// <summary>
/// The secretariat tests the published site: a checker run on the server, or axe results imported
/// from the browser runner (tests/NpoMunicipalNetwork.BrowserTests, <c>AccessibilityRunner</c>), which
/// signs in, reads the antiforgery token from this page and posts its JSON to <c>/admin/accessibility/runs</c>.
/// </summary>
public static class AccessibilityAdminEndpoints
{
    public const long MaxImportBytes = 20 * 1024 * 1024;

    private static readonly AdminSection Section = new("アクセシビリティ試験", "/accessibility", Permissions.ManageAccessibility);
    private static readonly PageMeta Meta = Section.ListMeta();

    public static RouteGroupBuilder MapAccessibilityAdmin(this RouteGroupBuilder admin)
    {
        var g = Section.MapGroup(admin);
        g.MapGet("/", (NetworkDbContext db, IConfiguration config, CancellationToken ct) => Page(db, config, new FormState(), 200, ct));
        g.MapPost("/checker-runs", RunChecker);
        g.MapPost("/runs", Import);
        return admin;
    }

    private static async Task<IResult> Page(NetworkDbContext db, IConfiguration config, FormState form, int status, CancellationToken ct)
    {
        var runs = await db.AccessibilityRuns.AsNoTracking().OrderByDescending(r => r.RanUtc).ThenByDescending(r => r.Id).Take(50)
            .Select(r => new { Run = r, Pages = r.Pages.Count, Failed = r.Pages.Count(p => p.Criteria.Any(c => c.Outcome == CriterionOutcome.Fail)) })
            .ToListAsync(ct);
        var bodies = (await CheckerRun.PublishedBodiesAsync(db, ct)).Count;
        var date = AccessibilityEndpoints.PolicyDate(config);
        return ThemeResults.Admin("admin/accessibility/index",
            new AccessibilityAdminModel(form, runs.Select(r => RunReports.Link(r.Run, r.Pages, r.Failed)).ToList(), bodies,
                date is { } d ? Infrastructure.JapaneseEra.FormatDate(d) : null), Meta, status);
    }

    private static string? Actor(HttpContext http) => http.User.FindFirst(NetworkClaims.DisplayName)?.Value;

    private static async Task<IResult> RunChecker(HttpContext http, IFormCollection _, NetworkDbContext db, ContentCheckerProvider checkers, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var run = await CheckerRun.RunAsync(db, await checkers.GetAsync(db, ct), clock.GetUtcNow().UtcDateTime, Actor(http), ct);
        db.AccessibilityRuns.Add(run);
        var failed = run.Pages.Count(p => p.Criteria.Any(c => c.Outcome == CriterionOutcome.Fail));
        audit.Record(AuditAction.Create, new AuditTarget(AuditTargetTypes.AccessibilityRun, null, CheckerRun.ToolName),
            $"本文の自動チェックによるアクセシビリティ試験を実行（{run.Pages.Count}ページ、不適合{failed}ページ）");
        await db.SaveChangesAsync(ct); // the run, its results and the audit entry together
        return Results.Redirect($"/admin/accessibility?run={run.Id}");
    }

    private static async Task<IResult> Import(HttpContext http, IFormCollection input, NetworkDbContext db, IConfiguration config, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var form = FormState.From(input);
        var file = input.Files.GetFile("results");
        if (file is null || file.Length == 0)
            form.Error("results", "試験結果ファイル（axe の結果の JSON）を選んでください。");
        else if (file.Length > MaxImportBytes)
            form.Error("results", $"試験結果ファイルが大きすぎます。{MaxImportBytes / 1024 / 1024} MB以下にしてください。");
        if (!form.IsValid)
            return await Page(db, config, form, 400, ct);

        string json;
        using (var reader = new StreamReader(file!.OpenReadStream(), Encoding.UTF8))
            json = await reader.ReadToEndAsync(ct);
        var parsed = AxeImport.Parse(json, clock.GetUtcNow().UtcDateTime, Actor(http));
        if (parsed.Run is not { } run)
        {
            // The first problem goes beside the field; all of them in the summary.
            form.Error("results", parsed.Problems[0]);
            foreach (var problem in parsed.Problems.Skip(1))
                form.Summary.Add(new FieldError("results", problem));
            return await Page(db, config, form, 400, ct);
        }
        db.AccessibilityRuns.Add(run);
        var failed = run.Pages.Count(p => p.Criteria.Any(c => c.Outcome == CriterionOutcome.Fail));
        audit.Record(AuditAction.Create, new AuditTarget(AuditTargetTypes.AccessibilityRun, null, run.Tool),
            $"axe の試験結果を取り込み（{run.Pages.Count}ページ、不適合{failed}ページ）");
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"/admin/accessibility?run={run.Id}");
    }
}
