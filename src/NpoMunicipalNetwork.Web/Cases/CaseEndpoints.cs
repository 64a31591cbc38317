using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// Public reading of policy cases. A member site shows its own published cases; the hub shows every
/// member's, read from the same rows through <see cref="PublishedCases"/>.
/// </summary>
public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cases/adopted", MostAdapted).HubOnly();
        app.MapGet("/cases/{id:int}", Show);
        app.MapGet("/cases/{id:int}/files/{fileId:int}", File);
        return app;
    }

    /// <summary>The case if the reader may see it here: on the hub any member's published case, on a member site only its own.</summary>
    private static IQueryable<PolicyCase> Visible(NetworkDbContext db, TenantContext tenant) =>
        tenant.Tenant.IsHub ? PublishedCases.All(db) : PublishedCases.All(db).Where(c => c.TenantId == tenant.TenantId);

    /// <summary>A member site's own published cases, newest first (the hub's <c>/cases</c> is the search page).</summary>
    public static async Task<IResult> MemberListAsync(HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var list = new ListQuery(http.Request, "/cases", [], "");
        var cases = Visible(db, tenant);
        var total = await cases.CountAsync(ct);
        var ids = await list.Apply(cases.OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id)).Select(c => c.Id).ToListAsync(ct);
        var title = tenant.Tenant.IsHub ? "政策事例データベース" : "政策事例";
        return ThemeResults.View("cases/list", new MemberCasesModel(tenant.Tenant.DisplayName, await CaseCards.ForAsync(db, ids, ct), list.Pager(total)),
            new PageMeta(title, [new Breadcrumb("ホーム", "/"), new Breadcrumb(title)], $"{tenant.Tenant.DisplayName}のNPO施策の事例"));
    }

    private static async Task<IResult> MostAdapted(NetworkDbContext db, CancellationToken ct) =>
        ThemeResults.View("cases/adopted", new MostAdaptedModel(await CaseCards.ForAsync(db, await CaseCards.MostAdaptedAsync(db, 30, ct), ct)),
            new PageMeta("よく参考にされている事例", [new Breadcrumb("ホーム", "/"), new Breadcrumb("政策事例データベース", "/cases"), new Breadcrumb("よく参考にされている事例")],
                "ほかの会員が自らの施策の参考にした（横展開した）回数の多い事例"));

    private static async Task<IResult> Show(int id, HttpContext http, NetworkDbContext db, TenantContext tenant, RichText richText, CancellationToken ct)
    {
        var c = await CaseWorkflow.WithChildren(Visible(db, tenant)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return ThemeResults.NotFound();
        var site = await db.Tenants.AsNoTracking().Where(t => t.Id == c.TenantId).Select(t => new { t.Name, t.DisplayName, t.MemberCode }).SingleAsync(ct);
        var government = site.MemberCode is null ? null : await db.Governments.AsNoTracking().FirstOrDefaultAsync(g => g.Code == site.MemberCode, ct);
        var adaptedBy = await PublishedCases.All(db).Where(x => x.AdaptedFrom.Any(a => a.SourceCaseId == id))
            .OrderByDescending(x => x.PublishedUtc).Select(x => x.Id).ToListAsync(ct);
        var content = CaseContent.From(c);
        var model = new CaseViewModel(
            c.Id, c.Title, c.Summary, c.IsSample, site.DisplayName, $"/{site.Name}/", site.MemberCode, government?.PrefectureName, government?.Kind.Japanese(),
            CaseDisplay.Years(c.StartFiscalYear, c.EndFiscalYear), c.RelationshipType.Japanese(), c.RelationshipType.Gloss(),
            c.Fields.Select(f => f.Field!).OrderBy(f => f.Order).Select(f => f.Name).ToList(),
            c.Methods.Select(m => m.Method!).OrderBy(m => m.Order).Select(m => m.Name).ToList(),
            content.Sections().Select((s, i) => (s, i)).Where(x => !string.IsNullOrWhiteSpace(x.s.Text))
                .Select(x => new CaseSectionView($"section-{x.i + 1}", x.s.Label, richText.ToSafeHtml(x.s.Text))).ToList(),
            c.Partners.OrderBy(p => p.Order).Select(p => new CasePartnerView(p.Name, p.CorporateNumber,
                p.CorporateNumber is { } n ? $"https://www.houjin-bangou.nta.go.jp/henkorireki-johoto.html?selHouzinNo={n}" : null)).ToList(),
            c.Budgets.OrderBy(b => b.FiscalYear).Select(b => new CaseBudgetView(CaseDisplay.FiscalYear(b.FiscalYear), CaseDisplay.Yen(b.AmountYen))).ToList(),
            c.Budgets.Count > 1 ? CaseDisplay.Yen(c.Budgets.Sum(b => b.AmountYen)) : null,
            c.Attachments.OrderBy(a => a.Order).Where(a => a.File is not null).Select(a => new CaseFileView(a.Title, a.File!.FileName,
                Files.FileKinds.Label(a.File.Kind), Files.FileRules.Megabytes(a.File.Length), $"/cases/{c.Id}/files/{a.StoredFileId}")).ToList(),
            c.Links.OrderBy(l => l.Order).Select(l => new CaseLinkView(l.Title, l.Url)).ToList(),
            await CaseCards.ForAsync(db, c.AdaptedFrom.Select(a => a.SourceCaseId).ToList(), ct),
            await CaseCards.ForAsync(db, adaptedBy, ct),
            await Departments.ContactBlocks.ForAsync(db, c.TenantId, c.OwnerDepartmentId, ct),
            c.PublishedUtc, c.UpdatedUtc, tenant.Tenant.IsHub, $"/{site.Name}/cases/{c.Id}");
        var trail = tenant.Tenant.IsHub
            ? new List<Breadcrumb> { new("ホーム", "/"), new("政策事例データベース", "/cases"), new(c.Title) }
            : [new("ホーム", "/"), new("政策事例", "/cases"), new(c.Title)];
        return ThemeResults.View("cases/show", model, new PageMeta(c.Title, trail, c.Summary, $"/{site.Name}/cases/{c.Id}"));
    }

    /// <summary>An attachment of a case the reader may see, only while it is part of the published case.</summary>
    private static async Task<IResult> File(int id, int fileId, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var attached = await Visible(db, tenant).AnyAsync(c => c.Id == id && c.Attachments.Any(a => a.StoredFileId == fileId), ct);
        return attached ? await Files.FileResults.DownloadAsync(db, fileId, ct) : ThemeResults.NotFound();
    }
}
