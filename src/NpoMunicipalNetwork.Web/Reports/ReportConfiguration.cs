using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Reports;

public sealed class ReportConfiguration : Publishing.ContentItemConfiguration<Report>
{
    public override void Configure(EntityTypeBuilder<Report> e)
    {
        base.Configure(e);
        e.ToTable("Reports");
        e.Property(r => r.Summary).HasMaxLength(Report.SummaryLength);
        e.Property(r => r.Authors).HasMaxLength(Report.AuthorsLength);
        e.Property(r => r.TableOfContents).HasMaxLength(Report.TableOfContentsLength);
        e.HasIndex(r => new { r.IsPublished, r.FiscalYear });
        e.HasMany(r => r.Topics).WithOne().HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.RelatedCases).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportTopicConfiguration : IEntityTypeConfiguration<ReportTopic>
{
    public void Configure(EntityTypeBuilder<ReportTopic> e)
    {
        e.TagsWith(t => new { t.ReportId, t.PolicyFieldId }, t => t.Field, t => t.PolicyFieldId);
    }
}

public sealed class ReportCaseConfiguration : IEntityTypeConfiguration<ReportCase>
{
    public void Configure(EntityTypeBuilder<ReportCase> e)
    {
        e.HasKey(c => new { c.ReportId, c.PolicyCaseId });
        // The case may be another member's; deleting it removes the link, not the report.
        e.HasOne<Cases.PolicyCase>().WithMany().HasForeignKey(c => c.PolicyCaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => c.PolicyCaseId);
    }
}

public sealed class ReportFileConfiguration : IEntityTypeConfiguration<ReportFile>
{
    public void Configure(EntityTypeBuilder<ReportFile> e)
    {
        e.Property(f => f.Title).HasMaxLength(200);
        e.HasOne(f => f.File).WithMany().HasForeignKey(f => f.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
