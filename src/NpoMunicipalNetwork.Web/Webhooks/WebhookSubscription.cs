
namespace NpoMunicipalNetwork.Webhooks;

/// <summary>
/// A site's subscription (送信先): a URL that receives the events it chose, signed with its own secret.
/// Tenant-owned, so a site administrator sees and deletes only their own site's subscriptions.
/// </summary>
public sealed class WebhookSubscription : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string Url { get; set; } = "";

    /// <summary>Event names between commas, with a comma at each end (",case.published,"), so a LIKE matches whole names only.</summary>
    public string Events { get; set; } = ",";

    /// <summary>The signing secret, encrypted with the data-protection keys; shown to the person once, at creation.</summary>
    public string ProtectedSecret { get; set; } = "";

    /// <summary>The secret's last characters, so an administrator can tell which secret a receiver holds.</summary>
    public string SecretHint { get; set; } = "";

    public string? Description { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? CreatedByName { get; set; }

    public const int UrlLength = 500;
    public const int DescriptionLength = 100;

    public IReadOnlyList<string> EventNames => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinEvents(IEnumerable<string> names) => "," + string.Join(",", names) + ",";
}

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> e)
    {
        e.ToTable("WebhookSubscriptions");
        e.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlLength);
        e.Property(s => s.Events).HasMaxLength(500);
        e.Property(s => s.ProtectedSecret).HasMaxLength(2000);
        e.Property(s => s.SecretHint).HasMaxLength(20);
        e.Property(s => s.Description).HasMaxLength(WebhookSubscription.DescriptionLength);
        e.Property(s => s.CreatedByName).HasMaxLength(100);
        e.Ignore(s => s.EventNames);
        e.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
