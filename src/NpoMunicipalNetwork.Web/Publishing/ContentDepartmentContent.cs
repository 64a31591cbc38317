
namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// A content type's items as a unit (課) owns them: counted on the organisation screen, moved to the
/// surviving unit on a merge, and keeping a unit that still owns some from being deleted.
/// </summary>
public sealed class ContentDepartmentContent<TItem>(WorkflowContentType type) : IDepartmentContent where TItem : ContentItem
{
    public string Label => type.Noun;

    public async Task<IReadOnlyDictionary<int, int>> CountByDepartmentAsync(NetworkDbContext db, CancellationToken ct) =>
        await db.Set<TItem>().Where(i => i.OwnerDepartmentId != null).GroupBy(i => i.OwnerDepartmentId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public Task<int> CountAsync(NetworkDbContext db, int departmentId, CancellationToken ct) =>
        db.Set<TItem>().CountAsync(i => i.OwnerDepartmentId == departmentId, ct);

    public async Task<int> ReassignAsync(NetworkDbContext db, int from, int to, CancellationToken ct)
    {
        var items = await db.Set<TItem>().Where(i => i.OwnerDepartmentId == from).ToListAsync(ct);
        foreach (var item in items)
            item.OwnerDepartmentId = to;
        return items.Count;
    }
}
