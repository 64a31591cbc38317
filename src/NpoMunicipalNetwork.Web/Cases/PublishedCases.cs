using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Cases;

/// <summary>A published case with the facts about its member that the case database filters and shows.</summary>
public sealed record PublishedCaseRow(PolicyCase Case, string TenantName, string SiteName, string? MemberCode, string? PrefectureCode, string? PrefectureName, GovernmentKind? Kind);

/// <summary>
/// The one place that reads cases across tenants (the hub's database, exports, search indexing).
/// It bypasses the tenant filter on purpose and so returns only what is public anyway:
/// published cases of active member sites.
/// </summary>
public static class PublishedCases
{
    public static IQueryable<PolicyCase> All(NetworkDbContext db) =>
        db.PolicyCases.IgnoreQueryFilters()
            .Where(c => c.IsPublished)
            .Where(c => db.Tenants.Any(t => t.Id == c.TenantId && t.Status == TenantStatus.Active && !t.IsHub));

    /// <summary>The published cases matching every filter of <paramref name="q"/> except its text (which needs the search index).</summary>
    public static IQueryable<PolicyCase> Filter(NetworkDbContext db, CaseQuery q)
    {
        var cases = All(db);
        if (q.TenantId is { } tenantId)
            cases = cases.Where(c => c.TenantId == tenantId);
        if (q.Fields.Count > 0)
            cases = cases.Where(c => c.Fields.Any(f => q.Fields.Contains(f.Field!.Code)));
        if (q.Methods.Count > 0)
            cases = cases.Where(c => c.Methods.Any(m => q.Methods.Contains(m.Method!.Code)));
        if (q.Types.Count > 0)
            cases = cases.Where(c => q.Types.Contains(c.RelationshipType));
        if (q.FromYear is { } from)
            cases = cases.Where(c => c.EndFiscalYear == null || c.EndFiscalYear >= from);
        if (q.ToYear is { } to)
            cases = cases.Where(c => c.StartFiscalYear <= to);
        if (q.HasAttachments)
            cases = cases.Where(c => c.Attachments.Any());
        if (q.Prefectures.Count > 0 || q.Kinds.Count > 0)
        {
            var governments = db.Governments.AsQueryable();
            if (q.Prefectures.Count > 0)
                governments = governments.Where(g => q.Prefectures.Contains(g.PrefectureCode));
            if (q.Kinds.Count > 0)
                governments = governments.Where(g => q.Kinds.Contains(g.Kind));
            cases = cases.Where(c => db.Tenants.Any(t => t.Id == c.TenantId && governments.Any(g => g.Code == t.MemberCode)));
        }
        return cases;
    }

    /// <summary>Loads cases with their children and member facts, in the order of <paramref name="ids"/>.</summary>
    public static async Task<IReadOnlyList<PublishedCaseRow>> LoadAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        // One array parameter (json_each on SQLite, = ANY on PostgreSQL) instead of EF's default of one
        // parameter per id: building a statement with hundreds of parameters, once per split query,
        // cost more than running it (gigabytes of strings for an export of 100,000 cases).
        var idList = ids as int[] ?? ids.ToArray();
        var cases = await CaseWorkflow.WithChildren(All(db).Where(c => EF.Parameter(idList).Contains(c.Id))).AsNoTracking().ToListAsync(ct);
        var tenantIds = cases.Select(c => c.TenantId).Distinct().ToList();
        var members = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.DisplayName, t.MemberCode, Government = db.Set<Government>().FirstOrDefault(g => g.Code == t.MemberCode) })
            .ToDictionaryAsync(t => t.Id, ct);
        var byId = cases.ToDictionary(c => c.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var c = byId[id];
            var m = members[c.TenantId];
            return new PublishedCaseRow(c, m.Name, m.DisplayName, m.MemberCode, m.Government?.PrefectureCode, m.Government?.PrefectureName, m.Government?.Kind);
        }).ToList();
    }
}
