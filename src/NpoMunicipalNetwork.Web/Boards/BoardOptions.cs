namespace NpoMunicipalNetwork.Boards;

/// <summary>Settings under <c>Boards:</c> (see README).</summary>
public sealed class BoardOptions
{
    public const string Section = "Boards";

    /// <summary>A post with this many flags is hidden until a moderator reviews it.</summary>
    public int HideAfterFlags { get; set; } = 3;

    public int PostsPerPage { get; set; } = 50;

    public int TopicsPerPage { get; set; } = 30;

    /// <summary>Characters of Markdown per post.</summary>
    public int MaxPostLength { get; set; } = 10000;

    /// <summary>Accounts younger than this many days may not post links (new accounts are where spam comes from).</summary>
    public int TrustedAfterDays { get; set; } = 3;

    /// <summary>... nor before they have this many visible posts.</summary>
    public int TrustedAfterPosts { get; set; } = 3;

    /// <summary>Attachments (images, PDF; kind checked on the bytes) per post, and the largest one.</summary>
    public int MaxAttachments { get; set; } = 3;

    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    public int PostsPerMinutePerUser { get; set; } = 6;

    public int PostsPerMinutePerIp { get; set; } = 30;

    /// <summary>How often the digest job looks for watches due (0 turns it off; tests run it by hand).</summary>
    public int DigestCheckMinutes { get; set; } = 15;
}
