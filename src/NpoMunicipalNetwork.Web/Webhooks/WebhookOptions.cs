
namespace NpoMunicipalNetwork.Webhooks;

/// <summary>Settings of webhook delivery (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How often the dispatcher looks for events and due deliveries; 0 turns it off (tests run it by hand).</summary>
    public int PollSeconds { get; set; } = 10;

    /// <summary>Waits before each retry after a failed attempt, in minutes; after the last one the delivery is marked failed.</summary>
    public string RetryMinutes { get; set; } = "1,5,30,120,720";

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Lets subscriptions reach private, loopback and link-local addresses (a closed network); off by default to prevent SSRF.</summary>
    public bool AllowPrivateAddresses { get; set; }

    public int MaxSubscriptionsPerSite { get; set; } = 20;

    /// <summary>Finished deliveries and their events are deleted after this many days.</summary>
    public int RetentionDays { get; set; } = 30;

    public IReadOnlyList<TimeSpan> RetryDelays() =>
        RetryMinutes.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(m => double.TryParse(m, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? TimeSpan.FromMinutes(v) : (TimeSpan?)null)
            .OfType<TimeSpan>().ToList();
}
