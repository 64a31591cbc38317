using System.Linq.Expressions;

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
        e.TagsWith(f => new { f.PolicyCaseId, f.PolicyFieldId }, f => f.Field, f => f.PolicyFieldId);
    }
}

public sealed class PolicyCaseMethodConfiguration : IEntityTypeConfiguration<PolicyCaseMethod>
{
    public void Configure(EntityTypeBuilder<PolicyCaseMethod> e)
    {
        e.TagsWith(m => new { m.PolicyCaseId, m.PolicyMethodId }, m => m.Method, m => m.PolicyMethodId);
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

public static class VocabularyTags
{
    /// <summary>
    /// A join row that tags an item (a case, a report) with a vocabulary term: one row per item and term, found by
    /// term, and a term in use cannot be deleted (it is retired instead, so old items keep their tags).
    /// </summary>
    public static void TagsWith<T, TTerm>(this EntityTypeBuilder<T> e, Expression<Func<T, object?>> key, Expression<Func<T, TTerm?>> term,
        Expression<Func<T, object?>> termId) where T : class where TTerm : VocabularyTerm
    {
        e.HasKey(key);
        e.HasOne(term).WithMany().HasForeignKey(termId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(termId);
    }
}

/// <summary>Every vocabulary table: codes unique, and the lengths the vocabulary step and admin enforce.</summary>
public abstract class VocabularyTermConfiguration<T>(string table) : IEntityTypeConfiguration<T> where T : VocabularyTerm
{
    public void Configure(EntityTypeBuilder<T> e)
    {
        e.ToTable(table);
        e.Property(t => t.Code).HasMaxLength(40);
        e.Property(t => t.Name).HasMaxLength(60);
        e.HasIndex(t => t.Code).IsUnique();
    }
}

public sealed class PolicyFieldConfiguration() : VocabularyTermConfiguration<PolicyField>("PolicyFields");

public sealed class PolicyMethodConfiguration() : VocabularyTermConfiguration<PolicyMethod>("PolicyMethods");
