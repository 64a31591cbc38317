
namespace NpoMunicipalNetwork.OpenData;

/// <summary>
/// One built open-data ZIP, bytes included: kept in the database (not a file) so every instance behind a
/// load balancer serves the same bundle. Network-level, not tenant-owned. The newest is the one served;
/// a few older ones are kept (<c>OpenData:Keep</c>) for the admin page's history.
/// </summary>
public sealed class OpenDataBundle
{
    public int Id { get; set; }

    public DateTime BuiltUtc { get; set; }

    public byte[] Content { get; set; } = [];

    public long Length { get; set; }

    /// <summary>Hex SHA-256 of <see cref="Content"/>; the download's ETag.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The licence named in the bundle when it was built (the setting may change later).</summary>
    public string Licence { get; set; } = "";

    public string? LicenceUrl { get; set; }

    public OpenDataTrigger Trigger { get; set; }

    /// <summary>Who asked for an on-demand build; null for the daily build.</summary>
    public string? BuiltByName { get; set; }

    /// <summary>JSON list of the files' names, titles and row counts, so the public page needs no unzipping.</summary>
    public string Datasets { get; set; } = "[]";
}

public enum OpenDataTrigger
{
    Scheduled,
    Manual,
}

public sealed class OpenDataBundleConfiguration : IEntityTypeConfiguration<OpenDataBundle>
{
    public void Configure(EntityTypeBuilder<OpenDataBundle> e)
    {
        e.ToTable("OpenDataBundles");
        e.Property(b => b.Sha256).HasMaxLength(64);
        e.Property(b => b.Licence).HasMaxLength(200);
        e.Property(b => b.LicenceUrl).HasMaxLength(500);
        e.Property(b => b.Trigger).HasConversion<string>().HasMaxLength(20);
        e.Property(b => b.BuiltByName).HasMaxLength(100);
        e.HasIndex(b => b.BuiltUtc);
    }
}
