using Microsoft.EntityFrameworkCore.ChangeTracking;
using NpoMunicipalNetwork.Forums;

namespace NpoMunicipalNetwork.Webhooks;

/// <summary>What the body of an event may say about the site a change happened on.</summary>
public sealed record WebhookSite(int Id, string Name, string DisplayName, string? MemberCode, bool IsHub, bool IsActive)
{
    /// <summary>The site as every event body names it (<c>data.site</c>).</summary>
    public object Body => new { name = Name, displayName = DisplayName, memberCode = MemberCode };
}

/// <summary>
/// An event subscribers can choose. <see cref="Fires"/> looks at a changed entity just before it is saved;
/// <see cref="Data"/> writes the body's <c>data</c> once the save has given it its id. A site's event
/// (<see cref="NetworkWide"/> false) goes to that site's subscriptions and the hub's; a network-wide one to
/// every subscription of any active site. A content type offers its event through its descriptor
/// (<see cref="WorkflowContentType.PublishedEvent"/>); other events are subclasses listed in <see cref="WebhookEventTypes.All"/>.
/// </summary>
public abstract class WebhookEventType
{
    public abstract string Name { get; }

    public abstract string Japanese { get; }

    public abstract bool NetworkWide { get; }

    public abstract bool Fires(EntityEntry entry);

    /// <summary>The site the event belongs to; null for network-wide events.</summary>
    public virtual int? TenantOf(EntityEntry entry) => null;

    public abstract object Data(EntityEntry entry, WebhookSite? site, string baseUrl);

    /// <summary>True when <paramref name="property"/> of a tracked entity now equals <paramref name="value"/> and did not before (or the row is new).</summary>
    protected static bool Becomes<T>(EntityEntry entry, string property, T value) => entry.State switch
    {
        EntityState.Added => Equals(entry.Property(property).CurrentValue, value),
        EntityState.Modified => Equals(entry.Property(property).CurrentValue, value) && !Equals(entry.Property(property).OriginalValue, value),
        _ => false,
    };
}

/// <summary>
/// Every event subscribers can choose: one per content type whose descriptor names a
/// <see cref="WorkflowContentType.PublishedEvent"/> (<c>case.published</c>, <c>news.published</c>), then the network's own.
/// </summary>
public sealed class WebhookEventTypes(WorkflowContentTypes contentTypes)
{
    public static readonly WebhookEventType ForumRegistrationOpened = new ForumRegistrationOpenedEvent();

    public IReadOnlyList<WebhookEventType> All { get; } =
    [
        .. contentTypes.All.Where(t => t.PublishedEvent is not null).OrderBy(t => t.PublishedEvent!.Name, StringComparer.Ordinal)
            .Select(t => new ContentPublishedEvent(t, t.PublishedEvent!)),
        ForumRegistrationOpened,
    ];

    public WebhookEventType? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>An item became public: first publication, or publication again after it was closed. A staged edit replacing a live copy is not a new publication.</summary>
    private sealed class ContentPublishedEvent(WorkflowContentType type, ContentEvent e) : WebhookEventType
    {
        public override string Name => e.Name;
        public override string Japanese => e.Japanese;
        public override bool NetworkWide => false;

        public override bool Fires(EntityEntry entry) => type.IsItem(entry.Entity) && Becomes(entry, nameof(ContentItem.IsPublished), true);

        public override int? TenantOf(EntityEntry entry) => ((ContentItem)entry.Entity).TenantId;

        public override object Data(EntityEntry entry, WebhookSite? site, string baseUrl)
        {
            var item = (ContentItem)entry.Entity;
            var data = new Dictionary<string, object?> { ["id"] = item.Id, ["title"] = item.Title };
            // The type's fields come as an anonymous object whose property names are the body's keys.
            var fields = e.Fields(item);
            foreach (var property in fields.GetType().GetProperties())
                data[property.Name] = property.GetValue(fields);
            data["publishedAt"] = item.PublishedUtc is { } p ? WebhookBody.Instant(p) : null;
            data["site"] = site?.Body;
            data["url"] = site is null ? null : $"{baseUrl}/{site.Name}{type.LivePath((IWorkflowItem)item)}";
            return data;
        }
    }

    /// <summary>A forum's status became 参加申込受付中 (also when a forum is created open). Forums belong to the network: every site may want to tell its staff.</summary>
    private sealed class ForumRegistrationOpenedEvent : WebhookEventType
    {
        public override string Name => "forum.registration_opened";
        public override string Japanese => "フォーラムの参加申込の受付が始まったとき（ネットワーク全体）";
        public override bool NetworkWide => true;

        public override bool Fires(EntityEntry entry) => entry.Entity is Forum && Becomes(entry, nameof(Forum.Status), ForumStatus.RegistrationOpen);

        public override object Data(EntityEntry entry, WebhookSite? site, string baseUrl)
        {
            var f = (Forum)entry.Entity;
            return new
            {
                edition = f.Edition,
                fiscalYear = f.FiscalYear,
                title = f.Title,
                startsOn = f.StartsOn,
                endsOn = f.EndsOn,
                venueName = f.VenueName,
                capacity = f.Capacity,
                registrationClosesOn = f.RegistrationClosesOn,
                url = $"{baseUrl}/forums/{f.Edition}",
                registrationUrl = $"{baseUrl}/forums/{f.Edition}/register",
            };
        }
    }
}
