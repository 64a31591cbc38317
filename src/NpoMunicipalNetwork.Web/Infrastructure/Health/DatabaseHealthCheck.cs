using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NpoMunicipalNetwork.Infrastructure.Health;

/// <summary>Ready when the database answers and has every migration this build knows.</summary>
public sealed class DatabaseHealthCheck(NetworkDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
                return HealthCheckResult.Unhealthy("データベースに接続できません。");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("データベースに接続でき、スキーマは最新です。")
                : HealthCheckResult.Unhealthy($"データベースに未適用のマイグレーションが {pending} 件あります。");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("データベースに接続できません。", ex);
        }
    }
}
