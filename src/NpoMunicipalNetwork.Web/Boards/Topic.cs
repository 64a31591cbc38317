namespace NpoMunicipalNetwork.Boards;

/// <summary>A discussion thread (トピック): its title, state and the denormalised figures its category lists.</summary>
public sealed class Topic : Search.ISearchable, Search.ISearchedProperties
{
    string Search.ISearchable.SearchContentType => Search.Site.SiteContentTypes.BoardTopic;
    int Search.ISearchable.SearchContentId => Id;

    // Every reply updates the post count and last activity; only a new title or a move changes what search holds.
    IReadOnlyCollection<string> Search.ISearchedProperties.SearchedProperties => SearchedProperties;

    private static readonly string[] SearchedProperties = [nameof(Title), nameof(CategoryId)];

    public int Id { get; set; }

    public int CategoryId { get; set; }

    public required string Title { get; set; }

    public int AuthorId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public bool IsPinned { get; set; }

    /// <summary>Only moderators reply to a locked topic.</summary>
    public bool IsLocked { get; set; }

    /// <summary>The reply that answered the question (解決済み), set by the topic's author or a moderator.</summary>
    public int? AnsweredPostId { get; set; }

    /// <summary>Visible posts, for the category list and paging.</summary>
    public int PostCount { get; set; }

    public int LastPostId { get; set; }

    public DateTime LastActivityUtc { get; set; }
}
