
namespace NpoMunicipalNetwork.Publishing;

/// <summary>What a feature calls in its <c>AddServices</c> to plug a content type into the core.</summary>
public static class ContentTypeRegistration
{
    /// <summary>
    /// Registers the type's descriptor (for the workflow screens, the approval inbox and the scheduler), its
    /// workflow, its dashboard lists and its ownership by units. The admin routes are mapped with
    /// <see cref="ContentAdminEndpoints.MapContentAdmin{TItem, TContent}"/> in the feature's <c>MapAdmin</c>.
    /// </summary>
    public static IServiceCollection AddContentType<TType, TItem, TWorkflow>(this IServiceCollection services)
        where TType : WorkflowContentType, new() where TItem : ContentItem where TWorkflow : class, IContentWorkflow
    {
        var type = new TType();
        services.AddSingleton(type);
        services.AddSingleton<WorkflowContentType>(type);
        services.AddScoped<TWorkflow>();
        services.AddSingleton<IDashboardSource>(new ContentDashboard<TItem>(type));
        services.AddSingleton<IDepartmentContent>(new ContentDepartmentContent<TItem>(type));
        return services;
    }
}
