
namespace NpoMunicipalNetwork.Members;

// EF configuration of the registry: a government is keyed by its local government code, and a membership by its government's.

public sealed class GovernmentConfiguration : IEntityTypeConfiguration<Government>
{
    public void Configure(EntityTypeBuilder<Government> e)
    {
        e.ToTable("Governments");
        e.HasKey(g => g.Code);
        e.Property(g => g.Code).HasMaxLength(6);
        e.Property(g => g.PrefectureCode).HasMaxLength(2);
        e.Property(g => g.PrefectureName).HasMaxLength(10);
        e.Property(g => g.Name).HasMaxLength(100);
        e.Property(g => g.Kana).HasMaxLength(200);
        e.Property(g => g.WebsiteUrl).HasMaxLength(500);
        e.Property(g => g.ParentCode).HasMaxLength(6);
        e.HasIndex(g => new { g.PrefectureCode, g.Kana });
        e.HasIndex(g => g.Kana);
        e.HasOne(g => g.Membership).WithOne(m => m.Government).HasForeignKey<Membership>(m => m.GovernmentCode);
    }
}

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> e)
    {
        e.ToTable("Memberships");
        e.HasKey(m => m.GovernmentCode);
        e.Property(m => m.GovernmentCode).HasMaxLength(6);
        e.Property(m => m.DepartmentName).HasMaxLength(200);
        e.Property(m => m.ContactPhone).HasMaxLength(40);
        e.Property(m => m.ContactEmail).HasMaxLength(254);
        e.Property(m => m.ContactAddress).HasMaxLength(400);
    }
}
