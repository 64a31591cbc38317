
namespace NpoMunicipalNetwork.Departments;

/// <summary>The owning unit's public contact block (問い合わせ先), with its parent units for the full name.</summary>
public sealed record ContactBlock(string Name, string? Phone, string? Fax, string? Email);

public static class ContactBlocks
{
    /// <summary>
    /// Reads the unit of <paramref name="tenantId"/> explicitly (not through the request's tenant filter),
    /// because the hub shows the contact of a member's published case too. Only public contact facts are read.
    /// </summary>
    public static async Task<ContactBlock?> ForAsync(NetworkDbContext db, int tenantId, int? departmentId, CancellationToken ct)
    {
        if (departmentId is null)
            return null;
        var all = await db.Departments.IgnoreQueryFilters().AsNoTracking().Where(d => d.TenantId == tenantId)
            .Select(d => new { d.Id, d.ParentId, d.Name, d.Phone, d.Fax, d.Email }).ToListAsync(ct);
        var unit = all.FirstOrDefault(d => d.Id == departmentId);
        if (unit is null)
            return null;
        var names = new List<string>();
        for (var d = unit; d is not null; d = all.FirstOrDefault(x => x.Id == d.ParentId))
            names.Insert(0, d.Name);
        return new ContactBlock(string.Join(" ", names), unit.Phone, unit.Fax, unit.Email);
    }
}
