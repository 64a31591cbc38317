using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Forums;

// EF configuration of the forum feature. Enums are stored by name so adding one never renumbers data.

public sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> e)
    {
        e.ToTable("Forums");
        e.HasIndex(f => f.Edition).IsUnique();
        e.HasIndex(f => f.FiscalYear);
        e.Property(f => f.Title).HasMaxLength(200);
        e.Property(f => f.Summary).HasMaxLength(4000);
        e.Property(f => f.VenueName).HasMaxLength(200);
        e.Property(f => f.VenueAddress).HasMaxLength(400);
        e.Property(f => f.VenueAccess).HasMaxLength(1000);
        e.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        e.HasMany(f => f.Hosts).WithOne().HasForeignKey(h => h.ForumId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ForumHostConfiguration : IEntityTypeConfiguration<ForumHost>
{
    public void Configure(EntityTypeBuilder<ForumHost> e)
    {
        e.ToTable("ForumHosts");
        e.HasKey(h => new { h.ForumId, h.GovernmentCode });
        e.Property(h => h.GovernmentCode).HasMaxLength(6);
        e.Property(h => h.PlaceNote).HasMaxLength(100);
        e.HasOne<Government>().WithMany().HasForeignKey(h => h.GovernmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ForumOrganizerAssignmentConfiguration : IEntityTypeConfiguration<ForumOrganizerAssignment>
{
    public void Configure(EntityTypeBuilder<ForumOrganizerAssignment> e)
    {
        e.ToTable("ForumOrganizers");
        e.HasKey(a => new { a.ForumId, a.UserId });
        e.HasIndex(a => a.UserId);
        e.HasOne<Forum>().WithMany().HasForeignKey(a => a.ForumId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ForumSessionConfiguration : IEntityTypeConfiguration<ForumSession>
{
    public void Configure(EntityTypeBuilder<ForumSession> e)
    {
        e.ToTable("ForumSessions");
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Title).HasMaxLength(200);
        e.Property(s => s.Room).HasMaxLength(100);
        e.Property(s => s.Chair).HasMaxLength(200);
        e.Property(s => s.Description).HasMaxLength(4000);
        e.HasIndex(s => new { s.ForumId, s.Date, s.StartTime });
        e.HasOne<Forum>().WithMany().HasForeignKey(s => s.ForumId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.Speakers).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> e)
    {
        e.ToTable("Speakers");
        e.Property(s => s.Name).HasMaxLength(100);
        e.Property(s => s.Affiliation).HasMaxLength(200);
        e.HasIndex(s => s.Name);
    }
}

public sealed class ForumSessionSpeakerConfiguration : IEntityTypeConfiguration<ForumSessionSpeaker>
{
    public void Configure(EntityTypeBuilder<ForumSessionSpeaker> e)
    {
        e.ToTable("ForumSessionSpeakers");
        e.HasKey(x => new { x.SessionId, x.SpeakerId });
        e.HasIndex(x => x.SpeakerId);
        e.Property(x => x.Role).HasMaxLength(100);
        e.HasOne(x => x.Speaker).WithMany().HasForeignKey(x => x.SpeakerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ForumMaterialConfiguration : IEntityTypeConfiguration<ForumMaterial>
{
    public void Configure(EntityTypeBuilder<ForumMaterial> e)
    {
        e.ToTable("ForumMaterials");
        e.Property(m => m.Title).HasMaxLength(200);
        e.Property(m => m.Url).HasMaxLength(1000);
        e.HasOne(m => m.File).WithMany().HasForeignKey(m => m.FileId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(m => new { m.ForumId, m.Order });
        e.HasOne<Forum>().WithMany().HasForeignKey(m => m.ForumId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ForumSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ForumReportVersionConfiguration : IEntityTypeConfiguration<ForumReportVersion>
{
    public void Configure(EntityTypeBuilder<ForumReportVersion> e)
    {
        e.ToTable("ForumReportVersions");
        e.Property(r => r.Note).HasMaxLength(200);
        e.Property(r => r.CreatedByName).HasMaxLength(100);
        e.HasIndex(r => new { r.ForumId, r.SessionId, r.Number }).IsUnique();
        e.HasOne<Forum>().WithMany().HasForeignKey(r => r.ForumId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ForumSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> e)
    {
        e.ToTable("Registrations");
        e.Property(r => r.Name).HasMaxLength(100);
        e.Property(r => r.Organization).HasMaxLength(200);
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Email).HasMaxLength(254);
        e.Property(r => r.NormalizedEmail).HasMaxLength(254);
        e.Property(r => r.AccessibilityNeeds).HasMaxLength(1000);
        e.Property(r => r.CancelToken).HasMaxLength(64);
        // The database, not a check-then-insert, is what refuses a second registration with one address.
        e.HasIndex(r => new { r.ForumId, r.NormalizedEmail }).IsUnique();
        e.HasIndex(r => r.CancelToken).IsUnique();
        e.HasIndex(r => new { r.ForumId, r.Status, r.Sequence });
        e.HasOne<Forum>().WithMany().HasForeignKey(r => r.ForumId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Sessions).WithOne().HasForeignKey(s => s.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ForumSessionCaseConfiguration : IEntityTypeConfiguration<ForumSessionCase>
{
    public void Configure(EntityTypeBuilder<ForumSessionCase> e)
    {
        e.ToTable("ForumSessionCases");
        e.HasKey(x => new { x.SessionId, x.CaseId });
        e.HasIndex(x => x.CaseId);
        e.HasOne<ForumSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        // A case is a member's content; deleting it removes it from the programme, not the session.
        e.HasOne<Cases.PolicyCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RegistrationSessionConfiguration : IEntityTypeConfiguration<RegistrationSession>
{
    public void Configure(EntityTypeBuilder<RegistrationSession> e)
    {
        e.ToTable("RegistrationSessions");
        e.HasKey(s => new { s.RegistrationId, s.SessionId });
        e.HasIndex(s => s.SessionId);
        e.HasOne<ForumSession>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
