
namespace NpoMunicipalNetwork.Api.Keys;

/// <summary>
/// A key with which a member government's own system writes to its site through the API. Only a hash
/// of the secret is stored; the short <see cref="Prefix"/> (shown in lists and the audit log) finds the row.
/// The key's tenant is the only tenant its requests ever act for.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The public part of the key (<c>npo_</c> and 12 hex digits), unique across the network.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole key, hex. A 256-bit random secret needs no slow hash.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>Granted scopes, separated by spaces (<see cref="ApiScopes"/>).</summary>
    public string Scopes { get; set; } = "";

    public int CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? RevokedByName { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public const int NameLength = 100;
}

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.ToTable("ApiKeys");
        e.Property(k => k.Name).HasMaxLength(ApiKey.NameLength);
        e.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.PrefixLength);
        e.HasIndex(k => k.Prefix).IsUnique();
        e.Property(k => k.SecretHash).HasMaxLength(64);
        e.Property(k => k.Scopes).HasMaxLength(200);
        e.Property(k => k.CreatedByName).HasMaxLength(100);
        e.Property(k => k.RevokedByName).HasMaxLength(100);
        e.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
