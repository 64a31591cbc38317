using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.OpenData;

/// <summary>
/// Builds the bundle once a day at <c>OpenData:DailyAt</c> (Japan time), and at start when none exists yet.
/// An instance skips a run when a bundle newer than that day's time is already stored, so several
/// instances on one database build it about once (two starting within the same seconds may both build;
/// that costs time, not correctness: the newest is served). Off when the setting is empty, as in tests.
/// </summary>
public sealed class OpenDataScheduler(IServiceScopeFactory scopes, IOptions<OpenDataOptions> options, TimeProvider clock, ILogger<OpenDataScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (DailyTime(options.Value.DailyAt, logger) is not { } at)
            return;
        try
        {
            await RunIfDueAsync(DateTime.MinValue, stoppingToken); // first start: nothing to serve yet
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = NextRunUtc(clock.GetUtcNow().UtcDateTime, at);
                await Task.Delay(next - clock.GetUtcNow().UtcDateTime, clock, stoppingToken);
                await RunIfDueAsync(next, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Builds unless a bundle built at or after <paramref name="dueUtc"/> exists; true when it built one.</summary>
    public async Task<bool> RunIfDueAsync(DateTime dueUtc, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
            if (await db.OpenDataBundles.AnyAsync(b => b.BuiltUtc >= dueUtc, ct))
                return false;
            var builder = scope.ServiceProvider.GetRequiredService<OpenDataBuilder>();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var bundle = await builder.BuildAsync(OpenDataTrigger.Scheduled, null, null, ct);
            await builder.SaveAsync(bundle, ct);
            var ms = watch.ElapsedMilliseconds;
            OpenDataBuilder.ReturnMemory();
            logger.LogInformation("Open-data bundle built: {Bytes} bytes in {Ms} ms (memory returned in {GcMs} ms).",
                bundle.Length, ms, watch.ElapsedMilliseconds - ms);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Open-data bundle build failed; the previous bundle stays in place.");
            return false;
        }
    }

    /// <summary>The next instant, strictly after <paramref name="nowUtc"/>, when Japan's clock shows <paramref name="at"/>.</summary>
    public static DateTime NextRunUtc(DateTime nowUtc, TimeOnly at)
    {
        var today = DateOnly.FromDateTime(JapanTime.ToJst(nowUtc));
        var candidate = JapanTime.StartOfDayUtc(today) + at.ToTimeSpan();
        return candidate > nowUtc ? candidate : candidate.AddDays(1);
    }

    private static TimeOnly? DailyTime(string? setting, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(setting))
            return null;
        if (TimeOnly.TryParseExact(setting.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return at;
        logger.LogWarning("OpenData:DailyAt '{Setting}' is not HH:mm; the daily open-data build is off.", setting);
        return null;
    }
}

