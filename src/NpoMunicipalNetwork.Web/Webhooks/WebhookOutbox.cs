using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace NpoMunicipalNetwork.Webhooks;

/// <summary>
/// The one hook point of webhooks: every SaveChanges, whoever makes it (the editor's publish, an approval,
/// the scheduler, an import, a recipe, the forum form), is looked at for changes that fire an event
/// (<see cref="WebhookEventTypes"/>). Detection happens before the save, while the original values are
/// known; the event rows are written right after it, when new rows have their ids, by a second save inside
/// the same transaction (the caller's, or one this interceptor opens and commits). So the change and its
/// events commit together or not at all. A bulk <c>ExecuteUpdate</c> bypasses change tracking and fires nothing.
/// </summary>
public sealed class WebhookOutbox(IConfiguration config, TimeProvider clock, WebhookEventTypes eventTypes) : SaveChangesInterceptor
{
    private sealed class Pending
    {
        public required List<(WebhookEventType Type, EntityEntry Entry)> Fired { get; init; }
        public IDbContextTransaction? OwnTransaction { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Detect(eventData.Context) is { } pending)
        {
            pending.OwnTransaction = eventData.Context!.Database.CurrentTransaction is null ? eventData.Context.Database.BeginTransaction() : null;
            _pending.AddOrUpdate(eventData.Context, pending);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        if (Detect(eventData.Context) is { } pending)
        {
            pending.OwnTransaction = eventData.Context!.Database.CurrentTransaction is null ? await eventData.Context.Database.BeginTransactionAsync(ct) : null;
            _pending.AddOrUpdate(eventData.Context, pending);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not NetworkDbContext db || !_pending.TryGetValue(db, out var pending))
            return result;
        _pending.Remove(db);
        using var own = pending.OwnTransaction;
        var ids = pending.Fired.Select(f => f.Type.TenantOf(f.Entry)).OfType<int>().Distinct().ToList();
        AddEvents(db, pending, Sites(db.Tenants.AsNoTracking().Where(t => ids.Contains(t.Id)).ToList()));
        db.SaveChanges();
        own?.Commit();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is not NetworkDbContext db || !_pending.TryGetValue(db, out var pending))
            return result;
        _pending.Remove(db);
        await using var own = pending.OwnTransaction;
        var ids = pending.Fired.Select(f => f.Type.TenantOf(f.Entry)).OfType<int>().Distinct().ToList();
        AddEvents(db, pending, Sites(await db.Tenants.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct)));
        await db.SaveChangesAsync(ct);
        if (own is not null)
            await own.CommitAsync(ct);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The save failed: nothing was written, and a transaction this interceptor opened is rolled back by disposing it.</summary>
    private void Forget(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        _pending.Remove(context);
        pending.OwnTransaction?.Dispose();
    }

    private Pending? Detect(DbContext? context)
    {
        if (context is not NetworkDbContext)
            return null;
        var fired = new List<(WebhookEventType, EntityEntry)>();
        foreach (var entry in context.ChangeTracker.Entries())
            if (entry.State is EntityState.Added or EntityState.Modified)
                foreach (var type in eventTypes.All)
                    if (type.Fires(entry))
                        fired.Add((type, entry));
        return fired.Count == 0 ? null : new Pending { Fired = fired };
    }

    private static Dictionary<int, WebhookSite> Sites(IEnumerable<Tenant> tenants) =>
        tenants.ToDictionary(t => t.Id, t => new WebhookSite(t.Id, t.Name, t.DisplayName, t.MemberCode, t.IsHub, t.Status == TenantStatus.Active));

    private void AddEvents(NetworkDbContext db, Pending pending, Dictionary<int, WebhookSite> sites)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var baseUrl = (config["Network:PublicBaseUrl"] ?? "").TrimEnd('/');
        foreach (var (type, entry) in pending.Fired)
        {
            var tenantId = type.TenantOf(entry);
            var site = tenantId is { } id ? sites.GetValueOrDefault(id) : null;
            var key = Guid.NewGuid();
            db.WebhookEvents.Add(new WebhookEvent
            {
                Key = key, Type = type.Name, TenantId = tenantId, OccurredUtc = now,
                Body = WebhookBody.Write(key, type.Name, now, type.Data(entry, site, baseUrl)),
            });
        }
    }
}
