
namespace NpoMunicipalNetwork.Webhooks;

/// <summary>
/// Sends an administrator asks for on a subscription's page: a test event (<c>ping</c>) to that one URL, so a
/// receiver can be checked before any real event, and one more attempt of a delivery that was given up. Both only
/// queue the send, in the same transaction as their audit entry; the dispatcher makes it on its next pass, with the
/// same signature, SSRF check and record as any delivery.
/// </summary>
public static class WebhookManualSends
{
    public const string PingType = "ping";

    public static async Task<IResult> Ping(int id, HttpContext http, IFormCollection _, NetworkDbContext db, TenantContext tenant, TimeProvider clock,
        AuditLog audit, CancellationToken ct)
    {
        // Through the tenant filter: another site's subscription is simply not found.
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
            return ThemeResults.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var key = Guid.NewGuid();
        var site = tenant.Tenant;
        var ping = new WebhookEvent
        {
            Key = key, Type = PingType, TenantId = site.Id, OccurredUtc = now,
            FannedOutUtc = now, // addressed to this subscription only, never to others that chose no events of this kind
            Body = WebhookBody.Write(key, PingType, now, new
            {
                subscriptionId = subscription.Id,
                site = new WebhookSite(site.Id, site.Name, site.DisplayName, site.MemberCode, site.IsHub, site.IsActive).Body,
                message = "NPO活動推進自治体ネットワークからのテスト送信です。署名（X-Npo-Signature）を確かめてください。",
            }),
        };
        db.WebhookEvents.Add(ping);
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            Key = Guid.NewGuid(), SubscriptionId = subscription.Id, Event = ping, Status = WebhookDeliveryStatus.Pending, NextAttemptUtc = now, CreatedUtc = now,
        });
        audit.Record(AuditAction.Update, WebhookAdminEndpoints.Target(subscription), $"Webhook の送信先 {subscription.Url} へのテスト送信を予約しました。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/webhooks/{id}?sent=ping");
    }

    public static async Task<IResult> Retry(int id, Guid key, HttpContext http, IFormCollection _, NetworkDbContext db, TimeProvider clock, AuditLog audit,
        CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct);
        var delivery = subscription is null ? null
            : await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Key == key && d.SubscriptionId == subscription.Id, ct);
        if (subscription is null || delivery is null)
            return ThemeResults.NotFound();
        if (delivery.Status != WebhookDeliveryStatus.Failed)
            return ThemeResults.BadRequest([delivery.Status == WebhookDeliveryStatus.Delivered
                ? "この送信はすでに届いています。再送できるのは「失敗」になった送信だけです。"
                : "この送信はまだ再送の予定があります。再送できるのは「失敗」になった送信だけです。"]);
        // One more attempt: the count is kept, so a failure marks it failed again instead of starting the waits over.
        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.NextAttemptUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditAction.Update, WebhookAdminEndpoints.Target(subscription), $"Webhook の送信先 {subscription.Url} への送信 {delivery.Key} の再送を予約しました。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/webhooks/{id}?sent=retry");
    }
}
