
namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// The loop of a background job that runs one pass every <c>period</c> until the app stops. A failed pass is logged
/// and the next tick tries again: a job that stopped at its first database hiccup would go unnoticed until
/// mail or webhooks were missed. A period of zero or less switches the job off (tests run their passes themselves).
/// </summary>
public static class PeriodicWork
{
    public static async Task RunAsync(TimeSpan period, TimeProvider clock, Func<CancellationToken, Task> pass, ILogger logger, string failure,
        CancellationToken stoppingToken)
    {
        if (period <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, failure);
            }
        }
    }
}
