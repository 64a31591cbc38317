using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Reports;

namespace NpoMunicipalNetwork;

// TEMPORARY: the content types' tables while their folders are being rewritten; each moves into its
// folder (Cases/CasesData.cs, …) with its feature. In the root namespace, so every call site sees them.

/// <summary>The content types' tables on the network database; the core context names no feature.</summary>
public static class ContentData
{
    extension(NetworkDbContext db)
    {
        public DbSet<PolicyCase> PolicyCases => db.Set<PolicyCase>();
        public DbSet<PolicyField> PolicyFields => db.Set<PolicyField>();
        public DbSet<PolicyMethod> PolicyMethods => db.Set<PolicyMethod>();
        public DbSet<NewsItem> NewsItems => db.Set<NewsItem>();
        public DbSet<Page> Pages => db.Set<Page>();
        public DbSet<Report> Reports => db.Set<Report>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class ContentTables :
    IEntityTypeConfiguration<PolicyCase>,
    IEntityTypeConfiguration<PolicyField>,
    IEntityTypeConfiguration<PolicyMethod>,
    IEntityTypeConfiguration<NewsItem>,
    IEntityTypeConfiguration<Page>,
    IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<PolicyCase> e) => e.ToTable("PolicyCases");

    public void Configure(EntityTypeBuilder<PolicyField> e) => e.ToTable("PolicyFields");

    public void Configure(EntityTypeBuilder<PolicyMethod> e) => e.ToTable("PolicyMethods");

    public void Configure(EntityTypeBuilder<NewsItem> e) => e.ToTable("NewsItems");

    public void Configure(EntityTypeBuilder<Page> e) => e.ToTable("Pages");

    public void Configure(EntityTypeBuilder<Report> e) => e.ToTable("Reports");
}
