using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NpoMunicipalNetwork.Reports;

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> e)
    {
        e.Property(r => r.Title).HasMaxLength(Report.TitleLength);
        e.Property(r => r.Summary).HasMaxLength(Report.SummaryLength);
        e.Property(r => r.Authors).HasMaxLength(Report.AuthorsLength);
        e.Property(r => r.TableOfContents).HasMaxLength(Report.TableOfContentsLength);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasIndex(r => new { r.IsPublished, r.FiscalYear });
        e.HasIndex(r => new { r.WorkflowState, r.PublishAtUtc });
        e.HasIndex(r => new { r.IsPublished, r.CloseAtUtc });
        e.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Departments.Department>().WithMany().HasForeignKey(r => r.OwnerDepartmentId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(r => r.Topics).WithOne().HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.RelatedCases).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportTopicConfiguration : IEntityTypeConfiguration<ReportTopic>
{
    public void Configure(EntityTypeBuilder<ReportTopic> e)
    {
        e.HasKey(t => new { t.ReportId, t.PolicyFieldId });
        e.HasOne(t => t.Field).WithMany().HasForeignKey(t => t.PolicyFieldId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(t => t.PolicyFieldId);
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
