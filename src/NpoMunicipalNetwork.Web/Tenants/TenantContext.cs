namespace NpoMunicipalNetwork.Tenants;

/// <summary>
/// The tenant a unit of work runs for: set once per request by <see cref="TenantResolutionMiddleware"/>,
/// or by the recipe runner. The DbContext reads it for its query filters and write stamping.
/// </summary>
public sealed class TenantContext
{
    private TenantSnapshot? _tenant;

    public TenantSnapshot Tenant => _tenant ?? throw new InvalidOperationException("No tenant has been resolved for this unit of work.");

    public bool HasTenant => _tenant is not null;

    /// <summary>0 when unresolved, which matches no row: an unscoped query sees nothing rather than everything.</summary>
    public int TenantId => _tenant?.Id ?? 0;

    public void Set(TenantSnapshot tenant)
    {
        if (_tenant is not null && _tenant.Id != tenant.Id)
            throw new InvalidOperationException("The tenant of a unit of work cannot change once set.");
        _tenant = tenant;
    }

    /// <summary>
    /// Switches the tenant for a bounded piece of work outside a request (a recipe that seeds
    /// several sites in one transaction); the previous tenant comes back on dispose.
    /// </summary>
    public IDisposable Use(TenantSnapshot tenant)
    {
        var previous = _tenant;
        _tenant = tenant;
        return new Restore(() => _tenant = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
