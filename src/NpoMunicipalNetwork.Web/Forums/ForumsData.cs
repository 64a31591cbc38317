
namespace NpoMunicipalNetwork.Forums;

/// <summary>This feature's tables on the network database (<c>db.Forums</c> with <c>using NpoMunicipalNetwork.Forums;</c>); the core context names no feature.
/// Each entity's configuration pins its table to the name it had as the context's <c>DbSet</c> (EF Core names a table after its set), so the model and the migrations do not change.</summary>
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
