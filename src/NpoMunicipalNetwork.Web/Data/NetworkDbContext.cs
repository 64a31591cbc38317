using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace NpoMunicipalNetwork.Data;

/// <summary>
/// The one database of the network. Tenant isolation lives here and nowhere else:
/// every <see cref="ITenantOwned"/> entity gets a query filter bound to <see cref="CurrentTenantId"/>,
/// and <see cref="SaveChangesAsync(bool, CancellationToken)"/> stamps new rows and refuses
/// to touch rows of another tenant. Provider-specific subclasses exist only so each
/// provider has its own migrations.
/// </summary>
public abstract class NetworkDbContext(DbContextOptions options, TenantContext tenant, IEnumerable<ISaveChangesParticipant> participants)
    : IdentityDbContext<ApplicationUser, ApplicationRole, int>(options)
{
    private readonly ISaveChangesParticipant[] _participants = participants.ToArray();

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantHost> TenantHosts => Set<TenantHost>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DepartmentMember> DepartmentMembers => Set<DepartmentMember>();
    public DbSet<Publishing.ContentRevision> ContentRevisions => Set<Publishing.ContentRevision>();
    public DbSet<Publishing.ApprovalRoute> ApprovalRoutes => Set<Publishing.ApprovalRoute>();
    public DbSet<Publishing.ApprovalRequest> ApprovalRequests => Set<Publishing.ApprovalRequest>();
    public DbSet<Publishing.Checks.NotationEntry> NotationEntries => Set<Publishing.Checks.NotationEntry>();
    public DbSet<Files.StoredFile> StoredFiles => Set<Files.StoredFile>();

    /// <summary>
    /// The audit log. Queries see the current tenant's entries only; the secretariat's cross-tenant
    /// view (network-level entries included) must say <c>IgnoreQueryFilters()</c>. Append-only.
    /// </summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Read by the query filters on every execution; 0 (no tenant) matches nothing.</summary>
    public int CurrentTenantId => tenant.TenantId;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<ApplicationUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(u => u.TenantId);
            e.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
        });
        // Role rows are part of the schema: fixed ids and stamps keep migrations stable.
        b.Entity<ApplicationRole>().HasData(NpoMunicipalNetwork.Accounts.Roles.All.Select((name, i) => new ApplicationRole(name)
        {
            Id = i + 1,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"role-{i + 1}",
        }));

        b.Entity<Department>(e =>
        {
            e.Property(d => d.Name).HasMaxLength(100);
            e.Property(d => d.Phone).HasMaxLength(40);
            e.Property(d => d.Fax).HasMaxLength(40);
            e.Property(d => d.Email).HasMaxLength(254);
            e.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DepartmentMember>(e =>
        {
            e.HasKey(m => new { m.DepartmentId, m.UserId });
            e.HasOne<Department>().WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Tenant>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(40);
            e.HasIndex(t => t.Name).IsUnique();
            e.Property(t => t.DisplayName).HasMaxLength(200);
            e.Property(t => t.MemberCode).HasMaxLength(6);
            e.HasIndex(t => t.MemberCode);
            e.Property(t => t.Tagline).HasMaxLength(400);
            e.Property(t => t.AccentColor).HasMaxLength(7);
            e.Property(t => t.LogoUrl).HasMaxLength(500);
            e.HasMany(t => t.Hosts).WithOne().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<TenantHost>(e =>
        {
            e.HasKey(h => h.HostName);
            e.Property(h => h.HostName).HasMaxLength(253);
        });


        b.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.ActorName).HasMaxLength(AuditEntry.ActorNameLength);
            e.Property(a => a.IpAddress).HasMaxLength(AuditEntry.IpAddressLength);
            e.Property(a => a.TargetType).HasMaxLength(AuditEntry.TargetTypeLength);
            e.Property(a => a.TargetId).HasMaxLength(AuditEntry.TargetIdLength);
            e.Property(a => a.TargetLabel).HasMaxLength(AuditEntry.TargetLabelLength);
            e.Property(a => a.Summary).HasMaxLength(AuditEntry.SummaryLength);
            e.HasIndex(a => new { a.TenantId, a.OccurredUtc });
            e.HasIndex(a => a.OccurredUtc); // the secretariat's all-sites view, newest first
            e.HasIndex(a => a.Action);
            // Not ITenantOwned (network-level entries have no tenant and must never be stamped with one),
            // but read like it: by default a query sees only the current tenant's entries.
            e.HasQueryFilter(a => a.TenantId == CurrentTenantId);
        });
        b.Entity<Publishing.ContentRevision>(e =>
        {
            e.Property(r => r.ContentType).HasMaxLength(40);
            e.Property(r => r.Title).HasMaxLength(200);
            e.Property(r => r.Slug).HasMaxLength(100);
            e.Property(r => r.CreatedByName).HasMaxLength(100);
            e.Property(r => r.Note).HasMaxLength(200);
            e.HasIndex(r => new { r.TenantId, r.ContentType, r.ContentId, r.Number }).IsUnique();
        });
        b.Entity<Publishing.ApprovalRoute>(e =>
        {
            e.Property(r => r.Name).HasMaxLength(100);
            e.HasMany(r => r.Levels).WithOne().HasForeignKey(l => l.RouteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Publishing.ApprovalLevel>(e =>
        {
            e.Property(l => l.ApproverUserIds).HasMaxLength(2000);
            e.Ignore(l => l.Approvers);
        });
        b.Entity<Publishing.ApprovalRequest>(e =>
        {
            e.Property(r => r.ContentType).HasMaxLength(40);
            e.Property(r => r.Comment).HasMaxLength(2000);
            e.HasIndex(r => new { r.TenantId, r.Status });
            e.HasIndex(r => new { r.ContentType, r.ContentId });
            e.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Publishing.ApprovalDecision>(e =>
        {
            e.Property(d => d.UserName).HasMaxLength(100);
            e.Property(d => d.Comment).HasMaxLength(2000);
        });
        b.Entity<Publishing.Checks.NotationEntry>(e =>
        {
            e.Property(n => n.Character).HasMaxLength(10);
            e.Property(n => n.Replacement).HasMaxLength(50);
            e.Property(n => n.CreatedBy).HasMaxLength(100);
            e.HasIndex(n => n.Character).IsUnique();
        });

        // Features keep their mapping beside their entities (IEntityTypeConfiguration classes).
        b.ApplyConfigurationsFromAssembly(typeof(NetworkDbContext).Assembly);

        ApplyTenantFilters(b);
    }

    private void ApplyTenantFilters(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            // e => e.TenantId == this.CurrentTenantId; EF Core re-reads the context member on every query.
            var e = Expression.Parameter(entity.ClrType, "e");
            var body = Expression.Equal(
                Expression.Property(e, nameof(ITenantOwned.TenantId)),
                Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
            b.Entity(entity.ClrType).HasQueryFilter(Expression.Lambda(body, e));
            b.Entity(entity.ClrType).HasIndex(nameof(ITenantOwned.TenantId));
        }
    }

    /// <summary>
    /// True while a SaveChanges that writes nothing but audit entries runs (a sign-in), so the public
    /// page cache is not evicted by events that change no content.
    /// </summary>
    public bool SavingOnlyAuditEntries { get; private set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampAndGuardTenants();
        if (OrganisationAccountsGivenRoles() is { } refused && refused.Any())
            throw new InvalidOperationException(StaffRolesOnly);
        var followUps = CollectFollowUps();
        if (followUps.Count == 0 || !acceptAllChangesOnSuccess)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        // Content first (new rows get their ids), then the participants' rows, in one transaction.
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var result = base.SaveChanges(true);
        foreach (var followUp in followUps)
            followUp.Write(this);
        base.SaveChanges(true);
        foreach (var followUp in followUps)
            followUp.Saved(this);
        own?.Commit();
        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampAndGuardTenants();
        if (OrganisationAccountsGivenRoles() is { } refused && await refused.AnyAsync(cancellationToken))
            throw new InvalidOperationException(StaffRolesOnly);
        var followUps = CollectFollowUps();
        if (followUps.Count == 0 || !acceptAllChangesOnSuccess)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var result = await base.SaveChangesAsync(true, cancellationToken);
        foreach (var followUp in followUps)
            followUp.Write(this);
        await base.SaveChangesAsync(true, cancellationToken);
        foreach (var followUp in followUps)
            followUp.Saved(this);
        if (own is not null)
            await own.CommitAsync(cancellationToken);
        return result;
    }

    private const string StaffRolesOnly = "団体アカウントには職員の権限を付与できません。";

    /// <summary>
    /// Roles are for staff only. Every path that grants one (the user admin, a forum organiser's assignment, Identity's
    /// store) ends in this save, so the rule holds here whichever code tried; the screens refuse earlier, in Japanese.
    /// </summary>
    private IQueryable<ApplicationUser>? OrganisationAccountsGivenRoles()
    {
        var ids = ChangeTracker.Entries<Microsoft.AspNetCore.Identity.IdentityUserRole<int>>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity.UserId).ToList();
        return ids.Count == 0 ? null : Users.Where(u => ids.Contains(u.Id) && u.Kind == AccountKind.Organisation);
    }

    /// <summary>What the registered <see cref="ISaveChangesParticipant"/>s will add once this save's content is saved.</summary>
    private List<ISaveChangesFollowUp> CollectFollowUps()
    {
        var followUps = new List<ISaveChangesFollowUp>();
        foreach (var participant in _participants)
            if (participant.Collect(ChangeTracker) is { } followUp)
                followUps.Add(followUp);
        return followUps;
    }

    private void StampAndGuardTenants()
    {
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
            throw new InvalidOperationException("監査ログは変更・削除できません。");
        SavingOnlyAuditEntries = changed.Count > 0 && changed.All(e => e.Entity is AuditEntry);

        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    if (!tenant.HasTenant)
                        throw new TenantIsolationException("テナントが確定していない処理からはデータを書き込めません。");
                    if (entry.Entity.TenantId != 0 && entry.Entity.TenantId != tenant.TenantId)
                        throw new TenantIsolationException("他のサイトのデータは作成できません。");
                    entry.Entity.TenantId = tenant.TenantId;
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    var original = (int)entry.OriginalValues[nameof(ITenantOwned.TenantId)]!;
                    if (original != tenant.TenantId || entry.Entity.TenantId != tenant.TenantId)
                        throw new TenantIsolationException("他のサイトのデータは変更・削除できません。");
                    break;
            }
        }
    }
}

/// <summary>Thrown when a unit of work tries to write another tenant's rows; a bug or an attack, never user error.</summary>
public sealed class TenantIsolationException(string message) : InvalidOperationException(message);
