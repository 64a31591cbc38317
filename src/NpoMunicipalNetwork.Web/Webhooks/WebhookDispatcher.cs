using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Webhooks;

/// <summary>What one pass did: events fanned out, deliveries made, retries scheduled, deliveries given up.</summary>
public sealed record WebhookRun(int Events, int Delivered, int Retrying, int Failed);

/// <summary>
/// Delivers the outbox. Each pass (every <c>Webhooks:PollSeconds</c>) first fans new events out to the
/// subscriptions that want them, then sends every delivery that is due. Both claim their rows with a
/// conditional UPDATE first, so several instances on one database never send an attempt twice. A failed
/// attempt (no 2xx answer, timeout, refused address) is retried after the next wait of
/// <c>Webhooks:RetryMinutes</c>; after the last wait it is marked failed. Tests call <see cref="RunOnceAsync"/>
/// with their own clock.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory clients, IDataProtectionProvider protection,
    IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhooks";

    /// <summary>How many events and deliveries one pass takes at most.</summary>
    private const int Batch = 50;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, RunOnceAsync, logger,
            "Webhook dispatch failed; retrying on the next tick.", stoppingToken);

    public async Task<WebhookRun> RunOnceAsync(CancellationToken ct = default)
    {
        var events = await FanOutAsync(ct);
        int delivered = 0, retrying = 0, failed = 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptUtc <= now && (d.LockedUntilUtc == null || d.LockedUntilUtc < now))
            .OrderBy(d => d.NextAttemptUtc).ThenBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in due)
            switch (await DeliverAsync(id, ct))
            {
                case WebhookDeliveryStatus.Delivered: delivered++; break;
                case WebhookDeliveryStatus.Pending: retrying++; break;
                case WebhookDeliveryStatus.Failed: failed++; break;
            }
        await PruneAsync(db, now, ct);
        return new WebhookRun(events, delivered, retrying, failed);
    }

    /// <summary>Creates a delivery per matching subscription for each event not fanned out yet.</summary>
    private async Task<int> FanOutAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var fresh = await db.WebhookEvents.AsNoTracking().Where(e => e.FannedOutUtc == null).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Type, e.TenantId }).Take(Batch).ToListAsync(ct);
        var done = 0;
        foreach (var e in fresh)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.WebhookEvents.Where(x => x.Id == e.Id && x.FannedOutUtc == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.FannedOutUtc, now), ct) == 0)
                continue; // another instance took it
            foreach (var subscription in await SubscribersAsync(db, scope.ServiceProvider.GetRequiredService<WebhookEventTypes>(), e.Type, e.TenantId, ct))
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    Key = Guid.NewGuid(), SubscriptionId = subscription, EventId = e.Id, Status = WebhookDeliveryStatus.Pending,
                    NextAttemptUtc = now, CreatedUtc = now,
                });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            done++;
        }
        return done;
    }

    /// <summary>
    /// Who receives an event: for a site's event, the subscriptions of that site and of the hub (the secretariat's
    /// systems follow the whole network), while the site is active; for a network-wide event, every subscription
    /// of an active site. Always only subscriptions that chose the event.
    /// </summary>
    private static async Task<List<int>> SubscribersAsync(NetworkDbContext db, WebhookEventTypes eventTypes, string type, int? tenantId, CancellationToken ct)
    {
        var eventType = eventTypes.Find(type);
        if (eventType is null)
            return [];
        var marker = "," + type + ",";
        var subscriptions = db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => s.Events.Contains(marker))
            .Where(s => db.Tenants.Any(t => t.Id == s.TenantId && t.Status == TenantStatus.Active));
        if (!eventType.NetworkWide)
        {
            if (tenantId is null || !await db.Tenants.AnyAsync(t => t.Id == tenantId && t.Status == TenantStatus.Active, ct))
                return [];
            subscriptions = subscriptions.Where(s => s.TenantId == tenantId || db.Tenants.Any(t => t.Id == s.TenantId && t.IsHub));
        }
        return await subscriptions.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
    }

    private async Task<WebhookDeliveryStatus?> DeliverAsync(long id, CancellationToken ct)
    {
        var o = options.Value;
        var timeout = TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds));
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var lockUntil = now + timeout + TimeSpan.FromMinutes(1);
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptUtc <= now && (d.LockedUntilUtc == null || d.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntilUtc, lockUntil), ct);
        if (claimed == 0)
            return null;
        var delivery = await db.WebhookDeliveries.Include(d => d.Event).FirstOrDefaultAsync(d => d.Id == id, ct);
        var subscription = delivery is null ? null
            : await db.WebhookSubscriptions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, ct);
        if (delivery is null || subscription is null)
            return null; // the subscription was deleted (with its deliveries) since the claim

        var (status, error) = await SendAsync(subscription, delivery, timeout, ct);
        var after = clock.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.LastAttemptUtc = after;
        delivery.LastStatusCode = status;
        delivery.LockedUntilUtc = null;
        var retries = o.RetryDelays();
        if (error is null)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            delivery.DeliveredUtc = after;
            delivery.NextAttemptUtc = null;
            delivery.LastError = null;
        }
        else
        {
            delivery.LastError = error.Length <= WebhookDelivery.ErrorLength ? error : error[..(WebhookDelivery.ErrorLength - 1)] + "…";
            if (delivery.Attempts > retries.Count)
            {
                delivery.Status = WebhookDeliveryStatus.Failed;
                delivery.NextAttemptUtc = null;
            }
            else
                delivery.NextAttemptUtc = after + retries[delivery.Attempts - 1];
        }
        await db.SaveChangesAsync(CancellationToken.None); // the attempt happened: record it even when stopping
        return delivery.Status;
    }

    /// <summary>POSTs the body; returns the status code (if any) and a Japanese error, null when the receiver answered 2xx.</summary>
    private async Task<(int? Status, string? Error)> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, TimeSpan timeout, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Event!.Body);
        string secret;
        try
        {
            secret = protection.CreateProtector(WebhookSecrets.Purpose).Unprotect(subscription.ProtectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (null, "署名の鍵を復号できません（データ保護の鍵が失われた可能性があります）。送信先を作り直してください。");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookBody.EventHeader, delivery.Event.Type);
        request.Headers.Add(WebhookBody.DeliveryHeader, delivery.Key.ToString());
        request.Headers.Add(WebhookBody.TimestampHeader, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookBody.SignatureHeader, WebhookBody.Sign(secret, body));
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (code, null) : (code, $"HTTP {code} が返されました。");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"{timeout.TotalSeconds:0}秒以内に応答がありませんでした。");
        }
        catch (HttpRequestException ex)
        {
            logger.LogInformation(ex, "Webhook delivery {Delivery} failed after {Ms} ms.", delivery.Key, watch.ElapsedMilliseconds);
            return (null, $"接続できませんでした: {ex.Message}");
        }
    }

    /// <summary>Deletes finished deliveries and fanned-out events older than <c>Webhooks:RetentionDays</c>.</summary>
    private async Task PruneAsync(NetworkDbContext db, DateTime now, CancellationToken ct)
    {
        var before = now.AddDays(-Math.Max(1, options.Value.RetentionDays));
        await db.WebhookDeliveries.Where(d => d.Status != WebhookDeliveryStatus.Pending && d.CreatedUtc < before).ExecuteDeleteAsync(ct);
        await db.WebhookEvents.Where(e => e.FannedOutUtc != null && e.FannedOutUtc < before && !db.Set<WebhookDelivery>().Any(d => d.EventId == e.Id))
            .ExecuteDeleteAsync(ct);
    }
}

public static class WebhookSecrets
{
    /// <summary>The data-protection purpose of subscriptions' secrets.</summary>
    public const string Purpose = "NpoMunicipalNetwork.Webhooks.Secret";
}

