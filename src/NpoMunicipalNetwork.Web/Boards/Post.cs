namespace NpoMunicipalNetwork.Boards;

/// <summary>Whether a post is shown, and why not.</summary>
public enum PostState
{
    Visible,

    /// <summary>Hidden by flags until a moderator reviews it (保留).</summary>
    PendingReview,

    /// <summary>Hidden by a moderator, with a reason.</summary>
    Hidden,

    /// <summary>Deleted by a moderator, with a reason; the text is gone, the row keeps the thread's shape.</summary>
    Deleted,
}

/// <summary>One message in a topic: the author's Markdown and the sanitized HTML rendered once when saved.</summary>
public sealed class Post : Search.ISearchable, Search.ISearchedProperties
{
    string Search.ISearchable.SearchContentType => Search.Site.SiteContentTypes.BoardPost;
    int Search.ISearchable.SearchContentId => Id;

    // Flags only count until they change the state; the text, the state and the topic are what search holds.
    IReadOnlyCollection<string> Search.ISearchedProperties.SearchedProperties => SearchedProperties;

    private static readonly string[] SearchedProperties = [nameof(Markdown), nameof(State), nameof(TopicId)];

    public const int MaxLength = 20000;

    public int Id { get; set; }

    public int TopicId { get; set; }

    public int AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public required string Markdown { get; set; }

    public required string Html { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? EditedUtc { get; set; }

    public PostState State { get; set; }

    public string? StateReason { get; set; }

    public int FlagCount { get; set; }

    /// <summary>The address the post came from, for abuse handling; shown to moderators only.</summary>
    public string? IpAddress { get; set; }
}

/// <summary>A previous text of an edited post (編集履歴).</summary>
public sealed class PostRevision
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public required string Markdown { get; set; }

    public required string Html { get; set; }

    /// <summary>When this text was replaced.</summary>
    public DateTime ReplacedUtc { get; set; }

    public int EditorId { get; set; }

    public required string EditorName { get; set; }
}

public enum FlagReason
{
    Spam,
    Inappropriate,
    OffTopic,
}

/// <summary>A reader's report of a post (通報); one per user per post.</summary>
public sealed class PostFlag
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public int UserId { get; set; }

    public FlagReason Reason { get; set; }

    public DateTime CreatedUtc { get; set; }

    public static string Japanese(FlagReason r) => r switch
    {
        FlagReason.Spam => "スパム",
        FlagReason.Inappropriate => "不適切な内容",
        _ => "話題と関係がない",
    };
}

/// <summary>A file attached to a post (images, PDF), stored by the shared Files feature; readable by whoever may read the post.</summary>
public sealed class PostAttachment
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public int StoredFileId { get; set; }

    public Files.StoredFile? File { get; set; }
}
