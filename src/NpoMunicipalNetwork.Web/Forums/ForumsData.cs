
namespace NpoMunicipalNetwork.Forums;

/// <summary>This feature's tables on the network database (<c>db.Forums</c> with <c>using NpoMunicipalNetwork.Forums;</c>); the core context names no feature.</summary>
public static class ForumsData
{
    extension(NetworkDbContext db)
    {
        public DbSet<Forum> Forums => db.Set<Forum>();
        public DbSet<ForumHost> ForumHosts => db.Set<ForumHost>();
        public DbSet<ForumOrganizerAssignment> ForumOrganizers => db.Set<ForumOrganizerAssignment>();
        public DbSet<ForumSession> ForumSessions => db.Set<ForumSession>();
        public DbSet<Speaker> Speakers => db.Set<Speaker>();
        public DbSet<ForumSessionSpeaker> ForumSessionSpeakers => db.Set<ForumSessionSpeaker>();
        public DbSet<ForumMaterial> ForumMaterials => db.Set<ForumMaterial>();
        public DbSet<ForumReportVersion> ForumReportVersions => db.Set<ForumReportVersion>();
        public DbSet<Registration> Registrations => db.Set<Registration>();
        public DbSet<RegistrationSession> RegistrationSessions => db.Set<RegistrationSession>();
        public DbSet<ForumSessionCase> ForumSessionCases => db.Set<ForumSessionCase>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class ForumsTables :
    IEntityTypeConfiguration<Forum>,
    IEntityTypeConfiguration<ForumHost>,
    IEntityTypeConfiguration<ForumOrganizerAssignment>,
    IEntityTypeConfiguration<ForumSession>,
    IEntityTypeConfiguration<Speaker>,
    IEntityTypeConfiguration<ForumSessionSpeaker>,
    IEntityTypeConfiguration<ForumMaterial>,
    IEntityTypeConfiguration<ForumReportVersion>,
    IEntityTypeConfiguration<Registration>,
    IEntityTypeConfiguration<RegistrationSession>,
    IEntityTypeConfiguration<ForumSessionCase>
{
    public void Configure(EntityTypeBuilder<Forum> e) => e.ToTable("Forums");

    public void Configure(EntityTypeBuilder<ForumHost> e) => e.ToTable("ForumHosts");

    public void Configure(EntityTypeBuilder<ForumOrganizerAssignment> e) => e.ToTable("ForumOrganizers");

    public void Configure(EntityTypeBuilder<ForumSession> e) => e.ToTable("ForumSessions");

    public void Configure(EntityTypeBuilder<Speaker> e) => e.ToTable("Speakers");

    public void Configure(EntityTypeBuilder<ForumSessionSpeaker> e) => e.ToTable("ForumSessionSpeakers");

    public void Configure(EntityTypeBuilder<ForumMaterial> e) => e.ToTable("ForumMaterials");

    public void Configure(EntityTypeBuilder<ForumReportVersion> e) => e.ToTable("ForumReportVersions");

    public void Configure(EntityTypeBuilder<Registration> e) => e.ToTable("Registrations");

    public void Configure(EntityTypeBuilder<RegistrationSession> e) => e.ToTable("RegistrationSessions");

    public void Configure(EntityTypeBuilder<ForumSessionCase> e) => e.ToTable("ForumSessionCases");
}
