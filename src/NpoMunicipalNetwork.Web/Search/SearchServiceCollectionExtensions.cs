using NpoMunicipalNetwork.Search.Cases;
using NpoMunicipalNetwork.Search.Site;

namespace NpoMunicipalNetwork.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The search index of this instance, its change-log follower, and the case and site searches on top of it.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SearchOptions>(config.GetSection(SearchOptions.Section));
        services.AddSingleton<SearchSignal>();
        services.AddSingleton<SearchChangeLog.SignalOnCommit>();
        services.AddSingleton<ISearchSource, CaseSearchSource>();
        // The site search shares this index (one change-log cursor, one rebuild, one writer); its documents
        // use field names of their own, so the case search neither sees nor scores them.
        services.AddSingleton<ISearchSource, CaseSiteSource>();
        services.AddSingleton<ISearchSource, PageSiteSource>();
        services.AddSingleton<ISearchSource, NewsSiteSource>();
        services.AddSingleton<ISearchSource, ReportSiteSource>();
        services.AddSingleton<ISearchSource, ForumSiteSource>();
        services.AddSingleton<ISearchSource, BoardPostSiteSource>();
        services.AddSingleton<SiteSearch>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<TextMatchCache>();
        services.AddSingleton<CaseSearch>();
        services.AddScoped<NpoMunicipalNetwork.Cases.ICaseFinder, LuceneCaseFinder>();
        return services;
    }
}
