using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NpoMunicipalNetwork.OpenData;

/// <summary>Ready once an open-data bundle exists to download (the first start builds one in the background).</summary>
public sealed class OpenDataHealthCheck(NetworkDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.OpenDataBundles.AnyAsync(ct)
            ? HealthCheckResult.Healthy("オープンデータの一式があります。")
            : HealthCheckResult.Unhealthy("オープンデータの一式がまだ作られていません。");
}
