using NpoMunicipalNetwork.Search.Cases;

namespace NpoMunicipalNetwork.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The search index of this instance, its change-log follower, and the case search on top of it.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SearchOptions>(config.GetSection(SearchOptions.Section));
        services.AddSingleton<SearchSignal>();
        services.AddSingleton<SearchChangeLog.SignalOnCommit>();
        services.AddSingleton<ISearchSource, CaseSearchSource>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<TextMatchCache>();
        services.AddSingleton<CaseSearch>();
        services.AddScoped<NpoMunicipalNetwork.Cases.ICaseFinder, LuceneCaseFinder>();
        return services;
    }
}
