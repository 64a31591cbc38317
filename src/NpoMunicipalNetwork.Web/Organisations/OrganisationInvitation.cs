using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>
/// An owner's invitation to an e-mail address, until it is accepted (the row goes), cancelled or expires. Only a
/// hash of the link's token is stored, so a copy of the database opens no invitation.
/// </summary>
public sealed class OrganisationInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public required string Email { get; set; }

    /// <summary>The address as Identity normalises it, to match accounts and repeated invitations.</summary>
    public required string NormalizedEmail { get; set; }

    public OrganisationRole Role { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; set; }

    public string? InvitedByName { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    /// <summary>A new random token for a link (43 URL-safe characters).</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> e)
    {
        e.ToTable("OrganisationInvitations");
        e.Property(i => i.Email).HasMaxLength(254);
        e.Property(i => i.NormalizedEmail).HasMaxLength(254);
        e.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.TokenHash).HasMaxLength(64);
        e.Property(i => i.InvitedByName).HasMaxLength(100);
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.HasIndex(i => new { i.OrganisationId, i.NormalizedEmail }).IsUnique();
        e.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
