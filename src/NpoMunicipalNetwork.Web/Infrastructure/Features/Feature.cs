namespace NpoMunicipalNetwork.Infrastructure.Features;

/// <summary>
/// One capability of the site (cases, forums, boards, …) as the host sees it: the services it
/// registers, the public routes it maps and the admin routes it adds under <c>/admin</c>.
/// Each feature folder has exactly one subclass (<c>CasesFeature</c> in <c>Cases/</c>), so its
/// wiring is found by its name; <c>Program.cs</c> only lists them. Menu entries, recipe steps, audit
/// target names, search sources, open-data tables and webhook events are services the feature adds
/// in <see cref="AddServices"/>; the core reads them from DI and never names the feature.
/// </summary>
public abstract class Feature
{
    /// <summary>Services, options, hosted services and the registrations the core collects.</summary>
    public virtual void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
    }

    /// <summary>Public routes (tenant-relative: <c>/cases</c> answers on the hub and on every member site).</summary>
    public virtual void MapRoutes(IEndpointRouteBuilder app)
    {
    }

    /// <summary>Admin routes, inside the <c>/admin</c> group that already requires a signed-in staff member.</summary>
    public virtual void MapAdmin(RouteGroupBuilder admin)
    {
    }
}
