namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// A person's registration for a forum (参加申込). Personal data: shown only to the forum's organisers
/// and the secretariat. One per normalised e-mail and forum; a cancelled row is reused if they apply again.
/// </summary>
public sealed class Registration
{
    public int Id { get; set; }

    public int ForumId { get; set; }

    public required string Name { get; set; }

    public string? Organization { get; set; }

    public ParticipantKind Kind { get; set; }

    public required string Email { get; set; }

    /// <summary>Trimmed and lower-cased; unique per forum.</summary>
    public required string NormalizedEmail { get; set; }

    public string? AccessibilityNeeds { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>The forum's <see cref="Forum.RegistrationSequence"/> when this application was made: the waitlist order.</summary>
    public int Sequence { get; set; }

    /// <summary>Random, URL-safe: whoever holds the mailed link may cancel without signing in.</summary>
    public required string CancelToken { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<RegistrationSession> Sessions { get; set; } = [];
}

public sealed class RegistrationSession
{
    public int RegistrationId { get; set; }

    public int SessionId { get; set; }
}

public enum RegistrationStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Cancelled = 2,
}

public enum ParticipantKind
{
    Government = 0,
    Npo = 1,
    Other = 2,
}

public static class RegistrationNames
{
    public static string Japanese(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "参加確定",
        RegistrationStatus.Waitlisted => "キャンセル待ち",
        RegistrationStatus.Cancelled => "取消済み",
        _ => status.ToString(),
    };

    public static string Japanese(this ParticipantKind kind) => kind switch
    {
        ParticipantKind.Government => "行政",
        ParticipantKind.Npo => "NPO",
        ParticipantKind.Other => "その他",
        _ => kind.ToString(),
    };

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
