
namespace NpoMunicipalNetwork.Members;

/// <summary>The government registry (団体名簿) as tenancy sees it.</summary>
public sealed class GovernmentRegistry : IMemberRegistry
{
    public string? ValidateCode(string? code) => LocalGovernmentCode.Validate(code);

    public Task<bool> ExistsAsync(NetworkDbContext db, string code, CancellationToken ct) =>
        db.Governments.AnyAsync(g => g.Code == code, ct);

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(NetworkDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct) =>
        await db.Governments.Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, ct);
}
