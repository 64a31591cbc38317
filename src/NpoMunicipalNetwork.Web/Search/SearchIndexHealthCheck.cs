using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NpoMunicipalNetwork.Search;

/// <summary>
/// Ready once this instance's index has passed its start-up check (or rebuild) and has applied the change log
/// up to where it stood when the check ran; lines written since are still on their way, which is normal.
/// </summary>
public sealed class SearchIndexHealthCheck(SearchIndexer indexer, SearchIndex index, NetworkDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!indexer.Ready)
            return HealthCheckResult.Unhealthy("検索索引を準備しています。");
        var latest = await db.SearchChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var behind = latest - index.Cursor;
        return behind <= 0
            ? HealthCheckResult.Healthy("検索索引は変更履歴に追いついています。")
            : HealthCheckResult.Unhealthy($"検索索引は変更履歴の {behind} 件をまだ反映していません。");
    }
}
