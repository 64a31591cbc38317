
namespace NpoMunicipalNetwork.Cases;

/// <summary>The network's policy fields and methods as loaded for one unit of work.</summary>
public sealed class CaseVocabulary(IReadOnlyList<PolicyField> fields, IReadOnlyList<PolicyMethod> methods)
{
    public IReadOnlyList<PolicyField> Fields { get; } = fields;

    public IReadOnlyList<PolicyMethod> Methods { get; } = methods;

    public static async Task<CaseVocabulary> LoadAsync(NetworkDbContext db, CancellationToken ct) => new(
        await db.PolicyFields.AsNoTracking().OrderBy(f => f.Order).ThenBy(f => f.Id).ToListAsync(ct),
        await db.PolicyMethods.AsNoTracking().OrderBy(m => m.Order).ThenBy(m => m.Id).ToListAsync(ct));

    /// <summary>By code, or by name as people type it in a spreadsheet.</summary>
    public PolicyField? Field(string codeOrName) =>
        Fields.FirstOrDefault(f => f.Code.Equals(codeOrName.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? Fields.FirstOrDefault(f => f.Name == codeOrName.Trim());

    public PolicyMethod? Method(string codeOrName) =>
        Methods.FirstOrDefault(m => m.Code.Equals(codeOrName.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? Methods.FirstOrDefault(m => m.Name == codeOrName.Trim());
}
