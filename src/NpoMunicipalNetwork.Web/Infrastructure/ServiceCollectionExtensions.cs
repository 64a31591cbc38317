using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Recipes.Steps;

namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>One extension per core concern, so Program.cs reads as a table of contents; features add their own.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddScoped<TenantContext>();
        services.AddSingleton<TenantCatalog>();
        return services;
    }

    public static IServiceCollection AddThemes(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ThemeOptions>(config.GetSection(ThemeOptions.Section));
        services.AddSingleton<SiteModelFactory>();
        services.AddSingleton<ThemeRenderer>();
        return services;
    }

    /// <summary>The recipe engine and its core steps; features register theirs (<c>IRecipeStep</c>).</summary>
    public static IServiceCollection AddRecipes(this IServiceCollection services)
    {
        services.AddScoped<IRecipeStep, TenantsStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, ContentStep>();
        services.AddScoped<RecipeExecutor>();
        return services;
    }
}
