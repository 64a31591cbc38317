
namespace NpoMunicipalNetwork.Tenants;

/// <summary>Network-wide pages (the member directory, ...) exist on the hub only; inside a member site they are a 404.</summary>
public static class HubOnlyFilter
{
    public static TBuilder HubOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<TenantContext>().Tenant.IsHub
                ? await next(context)
                : ThemeResults.NotFound());
}

/// <summary>What only a member government has (its policy cases, …) is a 404 on the hub.</summary>
public static class MemberSiteOnlyFilter
{
    public static TBuilder MemberSiteOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<TenantContext>().Tenant.IsHub
                ? ThemeResults.NotFound()
                : await next(context));
}
