
namespace NpoMunicipalNetwork.Webhooks;

/// <summary>
/// The outbox: one row per event, written by <see cref="WebhookOutbox"/> in the same transaction as the
/// change that caused it, so a change that is rolled back leaves no event and a saved one always has its
/// event. The dispatcher later fans each event out to the matching subscriptions (<see cref="WebhookDelivery"/>).
/// </summary>
public sealed class WebhookEvent
{
    public long Id { get; set; }

    /// <summary>The event's public id, also in the body (<c>id</c>).</summary>
    public Guid Key { get; set; }

    /// <summary>One of <see cref="WebhookEventTypes"/>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The site whose change it was; null for a network-wide event.</summary>
    public int? TenantId { get; set; }

    /// <summary>The JSON body exactly as it is sent and signed.</summary>
    public string Body { get; set; } = "";

    public DateTime OccurredUtc { get; set; }

    /// <summary>Set (by a conditional UPDATE, so one instance does it) when its deliveries were created.</summary>
    public DateTime? FannedOutUtc { get; set; }
}

/// <summary>One event on its way to one subscription: attempts, the next try, and how the last one went.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    /// <summary>Sent as <c>X-Npo-Delivery</c>; the same for every retry, so a receiver can ignore repeats.</summary>
    public Guid Key { get; set; }

    public int SubscriptionId { get; set; }

    public long EventId { get; set; }

    public WebhookEvent? Event { get; set; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime? NextAttemptUtc { get; set; }

    /// <summary>Claimed by an instance until then, so two instances never send the same attempt.</summary>
    public DateTime? LockedUntilUtc { get; set; }

    public DateTime? LastAttemptUtc { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? DeliveredUtc { get; set; }

    public const int ErrorLength = 500;
}

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

public static class WebhookDeliveryStatusNames
{
    public static string Japanese(this WebhookDeliveryStatus status) => status switch
    {
        WebhookDeliveryStatus.Pending => "送信待ち",
        WebhookDeliveryStatus.Delivered => "送信済み",
        WebhookDeliveryStatus.Failed => "失敗（再送を終了）",
        _ => status.ToString(),
    };
}

public sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> e)
    {
        e.ToTable("WebhookEvents");
        e.Property(x => x.Type).HasMaxLength(60);
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => x.FannedOutUtc);
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.ToTable("WebhookDeliveries");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.LastError).HasMaxLength(WebhookDelivery.ErrorLength);
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => new { x.Status, x.NextAttemptUtc });
        e.HasIndex(x => new { x.SubscriptionId, x.Id });
        e.HasOne<WebhookSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
