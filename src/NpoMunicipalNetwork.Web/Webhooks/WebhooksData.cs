
namespace NpoMunicipalNetwork.Webhooks;

/// <summary>This feature's tables on the network database (<c>db.WebhookSubscriptions</c> with <c>using NpoMunicipalNetwork.Webhooks;</c>); the core context names no feature.
/// Each entity's configuration pins its table to the name it had as the context's <c>DbSet</c> (EF Core names a table after its set), so the model and the migrations do not change.</summary>
public static class WebhooksData
{
    extension(NetworkDbContext db)
    {
        public DbSet<WebhookSubscription> WebhookSubscriptions => db.Set<WebhookSubscription>();
        public DbSet<WebhookEvent> WebhookEvents => db.Set<WebhookEvent>();
        public DbSet<WebhookDelivery> WebhookDeliveries => db.Set<WebhookDelivery>();
    }
}
