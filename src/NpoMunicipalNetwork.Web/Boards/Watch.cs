namespace NpoMunicipalNetwork.Boards;

public enum WatchMode
{
    /// <summary>A mail for each new reply.</summary>
    Immediate,

    /// <summary>One mail a day listing new posts.</summary>
    Digest,
}

/// <summary>A user's subscription (ウォッチ) to a category or a topic; exactly one of the two ids is set.</summary>
public sealed class Watch
{
    public int Id { get; set; }

    public int UserId { get; set; }

    public int? CategoryId { get; set; }

    public int? TopicId { get; set; }

    public WatchMode Mode { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Posts after this time go into the next digest; claimed with a conditional UPDATE so one instance sends it.</summary>
    public DateTime DigestSentUtc { get; set; }
}

/// <summary>How far a signed-in user has read a topic, for 未読 markers.</summary>
public sealed class TopicRead
{
    public int UserId { get; set; }

    public int TopicId { get; set; }

    public int LastReadPostId { get; set; }
}

/// <summary>A moderator's ban on posting (投稿停止) until a time.</summary>
public sealed class PostingSuspension
{
    public int Id { get; set; }

    public int UserId { get; set; }

    public DateTime UntilUtc { get; set; }

    public required string Reason { get; set; }

    public DateTime CreatedUtc { get; set; }

    public int CreatedById { get; set; }
}
