using System.Collections.Frozen;

namespace NpoMunicipalNetwork.Tenants;

/// <summary>
/// All tenants in memory, by name and by host, for resolving a request without a query.
/// 1,963 tenants are a few hundred kilobytes. The snapshot is rebuilt when this process
/// changes a tenant, and at most <see cref="MaxAge"/> after another instance did.
/// </summary>
public sealed class TenantCatalog(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private sealed record Snapshot(
        FrozenDictionary<string, TenantSnapshot> ByName,
        FrozenDictionary<string, TenantSnapshot> ByHost,
        FrozenDictionary<int, TenantSnapshot> ById,
        TenantSnapshot? Hub,
        DateTimeOffset LoadedAt);

    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _loadLock = new(1, 1);

    public async ValueTask<TenantSnapshot?> FindByNameAsync(string name, CancellationToken ct = default) =>
        (await GetAsync(ct)).ByName.GetValueOrDefault(name);

    public async ValueTask<TenantSnapshot?> FindByHostAsync(string host, CancellationToken ct = default) =>
        (await GetAsync(ct)).ByHost.GetValueOrDefault(host);

    public async ValueTask<TenantSnapshot?> FindByIdAsync(int id, CancellationToken ct = default) =>
        (await GetAsync(ct)).ById.GetValueOrDefault(id);

    /// <summary>Every tenant by id: for pages that name many sites (search results) without a dictionary each.</summary>
    public async ValueTask<IReadOnlyDictionary<int, TenantSnapshot>> ByIdAsync(CancellationToken ct = default) =>
        (await GetAsync(ct)).ById;

    public async ValueTask<TenantSnapshot> GetHubAsync(CancellationToken ct = default) =>
        (await GetAsync(ct)).Hub ?? throw new InvalidOperationException("The hub tenant does not exist; the setup recipe has not run.");

    public async ValueTask<IReadOnlyCollection<TenantSnapshot>> AllAsync(CancellationToken ct = default) =>
        (await GetAsync(ct)).ByName.Values;

    public void Invalidate() => _snapshot = null;

    private async ValueTask<Snapshot> GetAsync(CancellationToken ct)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < MaxAge)
            return current;

        await _loadLock.WaitAsync(ct);
        try
        {
            current = _snapshot;
            if (current is not null && clock.GetUtcNow() - current.LoadedAt < MaxAge)
                return current;
            current = await LoadAsync(ct);
            _snapshot = current;
            return current;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.Hosts).ToListAsync(ct);
        var snapshots = tenants.Select(TenantSnapshot.From).ToList();
        return new Snapshot(
            snapshots.ToFrozenDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase),
            snapshots.SelectMany(t => t.Hosts.Select(h => (h, t))).ToFrozenDictionary(x => x.h, x => x.t, StringComparer.OrdinalIgnoreCase),
            snapshots.ToFrozenDictionary(t => t.Id),
            snapshots.FirstOrDefault(t => t.IsHub),
            clock.GetUtcNow());
    }
}
