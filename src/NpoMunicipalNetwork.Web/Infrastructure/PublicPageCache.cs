using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// Anonymous GETs of public pages are served from ASP.NET Core's output cache (the framework never
/// caches signed-in requests or responses that set cookies). Any saved change evicts every cached
/// page of this instance at once; another instance's copies expire after <c>OutputCache:Seconds</c>,
/// the same bound the tenant catalog accepts. Development turns it off so template edits show at once.
/// </summary>
public static class PublicPageCache
{
    public const string Tag = "public-pages";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        var seconds = config.GetValue("OutputCache:Seconds", env.IsDevelopment() ? 0 : 30);
        services.AddOutputCache(o =>
        {
            o.AddBasePolicy(b =>
            {
                if (seconds <= 0)
                    b.NoCache();
                else
                    b.Expire(TimeSpan.FromSeconds(seconds)).Tag(Tag).SetVaryByHost(true)
                        // The reader's text size and colours are classes in the page itself.
                        .VaryByValue(http => new KeyValuePair<string, string>("display", Themes.DisplaySettings.From(http.Request).CacheKey));
            });
        });
        services.AddSingleton<EvictOnSave>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<EvictOnSave>());
        return services;
    }

    public static Task EvictAsync(IOutputCacheStore store) => store.EvictByTagAsync(Tag, CancellationToken.None).AsTask();

    /// <summary>Evicts after every SaveChanges that wrote something, whichever feature made it (audit entries alone change no page).</summary>
    public sealed class EvictOnSave(IOutputCacheStore store) : SaveChangesInterceptor
    {
        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
        {
            if (result > 0 && !OnlyAudit(eventData))
                await EvictAsync(store);
            return result;
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            if (result > 0 && !OnlyAudit(eventData))
                EvictAsync(store).GetAwaiter().GetResult();
            return result;
        }

        private static bool OnlyAudit(SaveChangesCompletedEventData eventData) =>
            eventData.Context is Data.NetworkDbContext { SavingOnlyAuditEntries: true };
    }
}
