namespace NpoMunicipalNetwork.Organisations;

/// <summary>
/// A person of an organisation. Keyed by the account: an organisation account belongs to one organisation at
/// most (the database holds that, not only the screens). The account outlives a removal and may join another.
/// </summary>
public sealed class OrganisationMember
{
    public int UserId { get; set; }

    public int OrganisationId { get; set; }

    public OrganisationRole Role { get; set; }

    public DateTime JoinedUtc { get; set; }
}

/// <summary>What a person may do in their organisation; stored by name.</summary>
public enum OrganisationRole
{
    /// <summary>Everything: the profile, inviting and removing people, roles. An organisation always keeps one.</summary>
    Owner,

    /// <summary>Edits the profile.</summary>
    Editor,

    /// <summary>Sees the profile and the members.</summary>
    Member,
}

public static class OrganisationRoles
{
    public static string Japanese(this OrganisationRole role) => role switch
    {
        OrganisationRole.Owner => "管理者",
        OrganisationRole.Editor => "編集者",
        _ => "メンバー",
    };

    public static bool MayEditProfile(this OrganisationRole role) => role is OrganisationRole.Owner or OrganisationRole.Editor;

    public static OrganisationRole? Parse(string? code) =>
        Enum.GetValues<OrganisationRole>().Cast<OrganisationRole?>().FirstOrDefault(r => r.ToString() == code);
}

public sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> e)
    {
        e.ToTable("OrganisationMembers");
        e.HasKey(m => m.UserId);
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => m.OrganisationId);
    }
}
