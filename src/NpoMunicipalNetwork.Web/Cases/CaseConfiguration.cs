
namespace NpoMunicipalNetwork.Cases;

public sealed class PolicyCaseConfiguration : Publishing.ContentItemConfiguration<PolicyCase>
{
    public override void Configure(EntityTypeBuilder<PolicyCase> e)
    {
        base.Configure(e);
        e.ToTable("PolicyCases");
        e.Property(c => c.Summary).HasMaxLength(PolicyCase.SummaryLength);
        e.HasIndex(c => new { c.IsPublished, c.PublishedUtc });
        e.HasMany(c => c.Fields).WithOne().HasForeignKey(f => f.PolicyCaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Methods).WithOne().HasForeignKey(m => m.PolicyCaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Partners).WithOne().HasForeignKey(p => p.PolicyCaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Budgets).WithOne().HasForeignKey(b => b.PolicyCaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Links).WithOne().HasForeignKey(l => l.PolicyCaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.PolicyCaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.AdaptedFrom).WithOne().HasForeignKey(a => a.PolicyCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PolicyCaseFieldConfiguration : IEntityTypeConfiguration<PolicyCaseField>
{
    public void Configure(EntityTypeBuilder<PolicyCaseField> e)
    {
        e.HasKey(f => new { f.PolicyCaseId, f.PolicyFieldId });
        e.HasOne(f => f.Field).WithMany().HasForeignKey(f => f.PolicyFieldId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(f => f.PolicyFieldId);
    }
}

public sealed class PolicyCaseMethodConfiguration : IEntityTypeConfiguration<PolicyCaseMethod>
{
    public void Configure(EntityTypeBuilder<PolicyCaseMethod> e)
    {
        e.HasKey(m => new { m.PolicyCaseId, m.PolicyMethodId });
        e.HasOne(m => m.Method).WithMany().HasForeignKey(m => m.PolicyMethodId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(m => m.PolicyMethodId);
    }
}

public sealed class PolicyCasePartnerConfiguration : IEntityTypeConfiguration<PolicyCasePartner>
{
    public void Configure(EntityTypeBuilder<PolicyCasePartner> e)
    {
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.CorporateNumber).HasMaxLength(13);
        e.HasIndex(p => p.CorporateNumber);
    }
}

public sealed class PolicyCaseBudgetConfiguration : IEntityTypeConfiguration<PolicyCaseBudget>
{
    public void Configure(EntityTypeBuilder<PolicyCaseBudget> e) => e.HasKey(b => new { b.PolicyCaseId, b.FiscalYear });
}

public sealed class PolicyCaseLinkConfiguration : IEntityTypeConfiguration<PolicyCaseLink>
{
    public void Configure(EntityTypeBuilder<PolicyCaseLink> e)
    {
        e.Property(l => l.Title).HasMaxLength(200);
        e.Property(l => l.Url).HasMaxLength(500);
    }
}

public sealed class PolicyCaseAttachmentConfiguration : IEntityTypeConfiguration<PolicyCaseAttachment>
{
    public void Configure(EntityTypeBuilder<PolicyCaseAttachment> e)
    {
        e.Property(a => a.Title).HasMaxLength(200);
        e.HasOne(a => a.File).WithMany().HasForeignKey(a => a.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PolicyCaseAdaptationConfiguration : IEntityTypeConfiguration<PolicyCaseAdaptation>
{
    public void Configure(EntityTypeBuilder<PolicyCaseAdaptation> e)
    {
        e.HasKey(a => new { a.PolicyCaseId, a.SourceCaseId });
        // The source may be another member's case; deleting it removes the link, not this case.
        e.HasOne<PolicyCase>().WithMany().HasForeignKey(a => a.SourceCaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => a.SourceCaseId);
    }
}

public sealed class PolicyFieldConfiguration : IEntityTypeConfiguration<PolicyField>
{
    public void Configure(EntityTypeBuilder<PolicyField> e)
    {
        e.ToTable("PolicyFields");
        e.Property(f => f.Code).HasMaxLength(40);
        e.Property(f => f.Name).HasMaxLength(60);
        e.HasIndex(f => f.Code).IsUnique();
    }
}

public sealed class PolicyMethodConfiguration : IEntityTypeConfiguration<PolicyMethod>
{
    public void Configure(EntityTypeBuilder<PolicyMethod> e)
    {
        e.ToTable("PolicyMethods");
        e.Property(m => m.Code).HasMaxLength(40);
        e.Property(m => m.Name).HasMaxLength(60);
        e.HasIndex(m => m.Code).IsUnique();
    }
}
