
namespace NpoMunicipalNetwork.Webhooks;

/// <summary>This feature's tables on the network database (<c>db.WebhookSubscriptions</c> with <c>using NpoMunicipalNetwork.Webhooks;</c>); the core context names no feature.</summary>
public static class WebhooksData
{
    extension(NetworkDbContext db)
    {
        public DbSet<WebhookSubscription> WebhookSubscriptions => db.Set<WebhookSubscription>();
        public DbSet<WebhookEvent> WebhookEvents => db.Set<WebhookEvent>();
        public DbSet<WebhookDelivery> WebhookDeliveries => db.Set<WebhookDelivery>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class WebhooksTables :
    IEntityTypeConfiguration<WebhookSubscription>,
    IEntityTypeConfiguration<WebhookEvent>,
    IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> e) => e.ToTable("WebhookSubscriptions");

    public void Configure(EntityTypeBuilder<WebhookEvent> e) => e.ToTable("WebhookEvents");

    public void Configure(EntityTypeBuilder<WebhookDelivery> e) => e.ToTable("WebhookDeliveries");
}
