using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Recipes.Steps;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>One extension per concern, so Program.cs reads as a table of contents.</summary>
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

    public static IServiceCollection AddRecipes(this IServiceCollection services)
    {
        services.AddScoped<IRecipeStep, TenantsStep>();
        services.AddScoped<IRecipeStep, MembersStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, ContentStep>();
        services.AddScoped<IRecipeStep, ForumsStep>();
        services.AddScoped<IRecipeStep, Cases.CaseVocabularyStep>();
        services.AddScoped<RecipeExecutor>();
        return services;
    }

    public static IServiceCollection AddContentTypes(this IServiceCollection services)
    {
        services.AddSingleton<RichText>();
        services.AddScoped<Files.FileStore>();
        services.AddScoped<IContentTypeHandler, PageContentType>();
        services.AddScoped<IContentTypeHandler, Cases.PolicyCaseContentType>();
        services.AddSingleton<Publishing.Checks.ContentCheckerProvider>();
        services.AddScoped<Publishing.ApprovalEngine>();
        services.AddScoped<Pages.PageWorkflow>();
        services.AddScoped<Cases.CaseWorkflow>();
        services.AddScoped<Publishing.ContentSaver>();
        services.AddScoped<Reports.ReportWorkflow>();
        services.AddSingleton<Publishing.WorkflowContentType, Pages.PageContentWorkflowType>();
        services.AddSingleton<Publishing.WorkflowContentType, Cases.CaseContentWorkflowType>();
        services.AddScoped<News.NewsWorkflow>();
        services.AddSingleton<Publishing.WorkflowContentType, News.NewsContentWorkflowType>();
        services.AddSingleton<Publishing.WorkflowContentType, Reports.ReportContentWorkflowType>();
        services.AddSingleton<Publishing.WorkflowContentTypes>();
        services.AddScoped<Cases.Exchange.CaseImport>();
        services.AddSingleton<Cases.Exchange.CaseImportJobs>();
        services.AddHostedService<Cases.Exchange.CaseImportWorker>();
        services.AddScoped<Publishing.WorkflowNotifier>();
        services.AddSingleton<Publishing.PublishingScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Publishing.PublishingScheduler>());
        return services;
    }
}
