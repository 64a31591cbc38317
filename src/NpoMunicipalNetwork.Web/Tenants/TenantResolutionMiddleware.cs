
namespace NpoMunicipalNetwork.Tenants;

/// <summary>
/// Resolves the request's tenant: host name first, then the first path segment, else the hub.
/// A path-resolved tenant moves its prefix into <c>PathBase</c>, so every link the app
/// generates from <c>PathBase</c> stays inside the tenant and routes are shared by all sites.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantCatalog catalog, TenantContext tenantContext)
    {
        var ct = context.RequestAborted;
        var tenant = await catalog.FindByHostAsync(context.Request.Host.Host, ct);

        if (tenant is null && TryFirstSegment(context.Request.Path, out var segment, out var rest))
        {
            var byName = await catalog.FindByNameAsync(segment, ct);
            if (byName is not null && !byName.IsHub)
            {
                tenant = byName;
                context.Request.PathBase = context.Request.PathBase.Add("/" + byName.Name);
                context.Request.Path = rest;
            }
        }

        tenant ??= await catalog.GetHubAsync(ct);

        if (!tenant.IsActive)
        {
            // Never fall back to the hub: a disabled member site must not look like it still exists.
            var renderer = context.RequestServices.GetRequiredService<ThemeRenderer>();
            var hub = await catalog.GetHubAsync(ct);
            await renderer.RenderUnavailableAsync(context, hub);
            return;
        }

        tenantContext.Set(tenant);
        await next(context);
    }

    private static bool TryFirstSegment(PathString path, out string segment, out PathString rest)
    {
        segment = "";
        rest = PathString.Empty;
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value.Length < 2)
            return false;
        var end = value.IndexOf('/', 1);
        segment = end < 0 ? value[1..] : value[1..end];
        rest = end < 0 ? PathString.Empty : new PathString(value[end..]);
        return segment.Length > 0;
    }
}
