namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// An event a content type offers to outside systems (webhook subscribers) when one of its items becomes public:
/// its name (<c>case.published</c>), what it means in Japanese, and the fields of the item the event's body carries
/// beyond what every content event has (id, title, site, URL, time of publication).
/// </summary>
public sealed record ContentEvent(string Name, string Japanese, Func<ContentItem, object> Fields);
