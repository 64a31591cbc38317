namespace NpoMunicipalNetwork.Forums;

/// <summary>A session of the programme (全体会・分科会・交流会).</summary>
public sealed class ForumSession : Search.ISearchable
{
    string Search.ISearchable.SearchContentType => Search.Site.SiteContentTypes.Forum;
    int Search.ISearchable.SearchContentId => ForumId;

    public int Id { get; set; }

    public int ForumId { get; set; }

    public SessionKind Kind { get; set; }

    public required string Title { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Wall-clock time in Japan.</summary>
    public TimeOnly StartTime { get; set; }

    public TimeOnly EndTime { get; set; }

    public string? Room { get; set; }

    public string? Chair { get; set; }

    public string? Description { get; set; }

    /// <summary>Places in this session; null: only the forum's capacity applies.</summary>
    public int? Capacity { get; set; }

    public bool IsSample { get; set; }

    public List<ForumSessionSpeaker> Speakers { get; set; } = [];
}

public enum SessionKind
{
    Plenary = 0,
    Breakout = 1,
    Networking = 2,
}

public static class SessionKindNames
{
    private static readonly EnumTerms<SessionKind> Terms = new(
        (SessionKind.Plenary, "plenary", "全体会"),
        (SessionKind.Breakout, "breakout", "分科会"),
        (SessionKind.Networking, "networking", "交流会"));

    public static string Japanese(this SessionKind kind) => Terms.Label(kind);

    /// <summary>The kind as the API carries it.</summary>
    public static string Code(this SessionKind kind) => Terms.Code(kind);
}

/// <summary>A person who spoke at forums; one row per person so their page lists every forum and session.</summary>
public sealed class Speaker
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Affiliation { get; set; }

    public bool IsSample { get; set; }
}

public sealed class ForumSessionSpeaker
{
    public int SessionId { get; set; }

    public int SpeakerId { get; set; }

    public Speaker? Speaker { get; set; }

    /// <summary>講演者, パネリスト, コーディネーター, … as the programme says.</summary>
    public string? Role { get; set; }

    public int Order { get; set; }
}

/// <summary>A policy case (政策事例) presented in a session; the programme links to the case's page on its member's site.</summary>
public sealed class ForumSessionCase
{
    public int SessionId { get; set; }

    public int CaseId { get; set; }

    public int Order { get; set; }
}
