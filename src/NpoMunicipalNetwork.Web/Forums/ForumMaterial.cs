namespace NpoMunicipalNetwork.Forums;

/// <summary>A handout, slide deck, image or link of a forum, or of one of its sessions.</summary>
public sealed class ForumMaterial
{
    public int Id { get; set; }

    public int ForumId { get; set; }

    public int? SessionId { get; set; }

    public required string Title { get; set; }

    /// <summary>An uploaded file (Files feature), or null when the material is a link.</summary>
    public int? FileId { get; set; }

    public Files.StoredFile? File { get; set; }

    /// <summary>Where a linked material lives; null when it is an uploaded file.</summary>
    public string? Url { get; set; }

    /// <summary>Shown only to signed-in staff of a member site or the hub; the public gets a 403 page, never the material.</summary>
    public bool IsMemberOnly { get; set; }

    public int Order { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// One version of the forum's report (報告書, <see cref="SessionId"/> null) or of a session's minutes.
/// Versions are only ever added; the newest is the current text and the rest are the history.
/// </summary>
public sealed class ForumReportVersion
{
    public int Id { get; set; }

    public int ForumId { get; set; }

    public int? SessionId { get; set; }

    public int Number { get; set; }

    public required string Body { get; set; }

    public required string BodyHtml { get; set; }

    public string? Note { get; set; }

    public int? CreatedByUserId { get; set; }

    public string? CreatedByName { get; set; }

    public DateTime CreatedUtc { get; set; }
}
