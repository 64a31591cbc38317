using NpoMunicipalNetwork.Organisations;

namespace NpoMunicipalNetwork.Market;

public sealed record AdminProposalRow(int Id, string Title, string RoundTitle, string Organisation, string IssueTitle, string Budget, string Status, string Submitted, string Url);

public sealed record AdminProposalView(AdminProposalRow Row, MarketProposal Proposal, string RoundUrl);

/// <summary>
/// The proposals that reached this site's rounds, for its staff with edit permission. Drafts are the organisation's
/// own and never shown; proposals are matched on <see cref="MarketProposal.SiteId"/> (not tenant-filtered), so
/// another site's staff see none and another site's proposal is a 404.
/// </summary>
public static class ProposalAdminEndpoints
{
    public static RouteGroupBuilder MapProposalAdmin(this RouteGroupBuilder admin)
    {
        var g = admin.MapGroup("/market/proposals").RequirePermission(Permissions.EditOwnContent).MemberSiteOnly();
        g.MapGet("", List);
        g.MapGet("/{id:int}", Show);
        return admin;
    }

    private static IQueryable<MarketProposal> OfSite(NetworkDbContext db, TenantContext tenant) =>
        db.MarketProposals.AsNoTracking().Where(p => p.SiteId == tenant.TenantId && p.Status != ProposalStatus.Draft);

    private static async Task<List<AdminProposalRow>> RowsAsync(NetworkDbContext db, IQueryable<MarketProposal> proposals, CancellationToken ct)
    {
        // Extension sets cannot appear inside an expression tree; captured as queries they translate to subqueries.
        var rounds = db.MarketRounds;
        var organisations = db.Organisations;
        var rows = await proposals.OrderBy(p => p.RoundId).ThenBy(p => p.SubmittedUtc).ThenBy(p => p.Id)
            .Select(p => new
            {
                P = p,
                Round = rounds.Where(r => r.Id == p.RoundId).Select(r => r.Title).First(),
                Organisation = organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).First(),
            }).ToListAsync(ct);
        return rows.Select(r => new AdminProposalRow(r.P.Id, r.P.Title, r.Round, r.Organisation, r.P.IssueTitle, $"{r.P.BudgetYen:N0}円", r.P.Status.Japanese(),
            r.P.SubmittedUtc is { } s ? JapanTime.FormatDateTime(s) : "", $"/admin/market/proposals/{r.P.Id}")).ToList();
    }

    private static async Task<IResult> List(NetworkDbContext db, TenantContext tenant, CancellationToken ct) =>
        ThemeResults.Admin("admin/market-proposals/index", await RowsAsync(db, OfSite(db, tenant), ct),
            new PageMeta("届いた提案", [new("管理", "/admin"), new("届いた提案")]));

    private static async Task<IResult> Show(int id, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var proposal = await OfSite(db, tenant).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null)
            return ThemeResults.NotFound();
        var row = (await RowsAsync(db, OfSite(db, tenant).Where(p => p.Id == id), ct)).Single();
        return ThemeResults.Admin("admin/market-proposals/show", new AdminProposalView(row, proposal, $"/admin/market/{proposal.RoundId}/edit"),
            new PageMeta(proposal.Title, [new("管理", "/admin"), new("届いた提案", "/admin/market/proposals"), new(proposal.Title)]));
    }
}
