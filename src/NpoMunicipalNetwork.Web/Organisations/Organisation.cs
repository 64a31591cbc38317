namespace NpoMunicipalNetwork.Organisations;

/// <summary>
/// An NPO or other civic organisation with an account on the network. It lives on the hub, not on a member's
/// site: one organisation, and one sign-in for each of its people, serves every member government's market.
/// Network-level like the forums, so not tenant-owned; who may see or change it is decided by membership.
/// </summary>
public sealed class Organisation
{
    public const int NameLength = 100;
    public const int RepresentativeLength = 100;
    public const int AddressLength = 200;
    public const int WebsiteLength = 500;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Null until the profile is first filled in (sign-up asks for the name only).</summary>
    public OrganisationKind? Kind { get; set; }

    /// <summary>法人番号: 13 ASCII digits, check digit first; required for the corporate kinds.</summary>
    public string? CorporateNumber { get; set; }

    public string? RepresentativeName { get; set; }

    /// <summary>Two-digit JIS X 0401 code, "01" 北海道 to "47" 沖縄県.</summary>
    public string? PrefectureCode { get; set; }

    /// <summary>The address after the prefecture (市区町村・番地・建物名).</summary>
    public string? Address { get; set; }

    /// <summary>An absolute http or https address.</summary>
    public string? WebsiteUrl { get; set; }

    public string? Phone { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Fields of activity, from the policy case vocabulary (政策分野), so markets can match them to cases.</summary>
    public List<OrganisationActivityArea> ActivityAreas { get; set; } = [];
}

/// <summary>An organisation works in a policy field (政策分野) of the case vocabulary.</summary>
public sealed class OrganisationActivityArea
{
    public int OrganisationId { get; set; }

    public int PolicyFieldId { get; set; }
}

/// <summary>The legal form of an organisation; stored by its English name, shown in Japanese.</summary>
public enum OrganisationKind
{
    NpoCorporation,
    GeneralIncorporatedAssociation,
    GeneralIncorporatedFoundation,
    VoluntaryGroup,
    Other,
}

public static class OrganisationKinds
{
    public static string Japanese(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.NpoCorporation => "特定非営利活動法人",
        OrganisationKind.GeneralIncorporatedAssociation => "一般社団法人",
        OrganisationKind.GeneralIncorporatedFoundation => "一般財団法人",
        OrganisationKind.VoluntaryGroup => "任意団体",
        _ => "その他",
    };

    /// <summary>The corporations, which have a 法人番号 (an unincorporated group has none).</summary>
    public static bool IsCorporation(this OrganisationKind kind) =>
        kind is OrganisationKind.NpoCorporation or OrganisationKind.GeneralIncorporatedAssociation or OrganisationKind.GeneralIncorporatedFoundation;

    /// <summary>The code as a form or URL sends it; only the exact names count (never a number such as "1").</summary>
    public static OrganisationKind? Parse(string? code) =>
        Enum.GetValues<OrganisationKind>().Cast<OrganisationKind?>().FirstOrDefault(k => k.ToString() == code);
}

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>, IEntityTypeConfiguration<OrganisationActivityArea>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.ToTable("Organisations");
        e.Property(o => o.Name).HasMaxLength(Organisation.NameLength);
        e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(o => o.CorporateNumber).HasMaxLength(13);
        e.HasIndex(o => o.CorporateNumber); // not unique: an impostor must not be able to lock the real organisation out
        e.Property(o => o.RepresentativeName).HasMaxLength(Organisation.RepresentativeLength);
        e.Property(o => o.PrefectureCode).HasMaxLength(2);
        e.Property(o => o.Address).HasMaxLength(Organisation.AddressLength);
        e.Property(o => o.WebsiteUrl).HasMaxLength(Organisation.WebsiteLength);
        e.Property(o => o.Phone).HasMaxLength(40);
        e.HasMany(o => o.ActivityAreas).WithOne().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<OrganisationActivityArea> e)
    {
        e.ToTable("OrganisationActivityAreas");
        e.HasKey(a => new { a.OrganisationId, a.PolicyFieldId });
        // A term the secretariat deletes leaves the profiles that named it.
        e.HasOne<Cases.PolicyField>().WithMany().HasForeignKey(a => a.PolicyFieldId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => a.PolicyFieldId);
    }
}
