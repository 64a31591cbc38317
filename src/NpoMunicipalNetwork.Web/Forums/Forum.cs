namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// One edition of the annual NPO活動推進自治体フォーラム. Network-level data (not tenant-owned):
/// the archive is read on the hub and a forum's organisers may belong to any member's site.
/// Every detail is optional except edition, fiscal year and title, because the archive holds
/// editions the sources say little about and nothing may be invented to fill them.
/// </summary>
public sealed class Forum : Search.ISearchable, Search.ISearchedProperties
{
    string Search.ISearchable.SearchContentType => Search.Site.SiteContentTypes.Forum;
    int Search.ISearchable.SearchContentId => Id;

    // Registrations bump RegistrationSequence; only what the site search shows makes a change line.
    IReadOnlyCollection<string> Search.ISearchedProperties.SearchedProperties => SearchedProperties;

    private static readonly string[] SearchedProperties =
        [nameof(Title), nameof(Summary), nameof(VenueName), nameof(VenueAddress), nameof(StartsOn), nameof(EndsOn), nameof(FiscalYear), nameof(Edition)];

    public int Id { get; set; }

    /// <summary>第n回; the public URL is <c>/forums/{edition}</c>.</summary>
    public int Edition { get; set; }

    /// <summary>年度 (April–March) the forum belongs to.</summary>
    public int FiscalYear { get; set; }

    public required string Title { get; set; }

    public string? Summary { get; set; }

    public string? VenueName { get; set; }

    public string? VenueAddress { get; set; }

    public string? VenueAccess { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public ForumStatus Status { get; set; }

    /// <summary>Places for the whole forum; null means registration is not limited.</summary>
    public int? Capacity { get; set; }

    /// <summary>Last day (JST) registrations are accepted.</summary>
    public DateOnly? RegistrationClosesOn { get; set; }

    /// <summary>
    /// Bumped by every registration and cancellation before anything else in their transaction: the
    /// UPDATE takes the row lock (PostgreSQL) or the database write lock (SQLite), so counting and
    /// inserting happen one at a time per forum, and the value orders the waitlist.
    /// </summary>
    public int RegistrationSequence { get; set; }

    /// <summary>Set by the recipe for placeholder programme content; the pages label it 見本.</summary>
    public bool IsSample { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<ForumHost> Hosts { get; set; } = [];
}

public enum ForumStatus
{
    Planned = 0,
    RegistrationOpen = 1,
    RegistrationClosed = 2,
    Held = 3,
    Archived = 4,
}

public static class ForumStatusNames
{
    private static readonly EnumTerms<ForumStatus> Terms = new(
        (ForumStatus.Planned, "planned", "開催予定"),
        (ForumStatus.RegistrationOpen, "registration-open", "参加申込受付中"),
        (ForumStatus.RegistrationClosed, "registration-closed", "申込受付終了"),
        (ForumStatus.Held, "held", "開催済み"),
        (ForumStatus.Archived, "archived", "アーカイブ"));

    public static string Japanese(this ForumStatus status) => Terms.Label(status);

    /// <summary>The status as the API carries it (<c>registration-open</c>).</summary>
    public static string Code(this ForumStatus status) => Terms.Code(status);

    /// <summary>schema.org eventStatus: a forum whose registration is open or closed is still scheduled.</summary>
    public static bool IsPast(this ForumStatus status) => status is ForumStatus.Held or ForumStatus.Archived;
}

/// <summary>A host of an edition (開催団体), by local-government code: linked to the registry and to its site if it has one.</summary>
public sealed class ForumHost
{
    public int ForumId { get; set; }

    public required string GovernmentCode { get; set; }

    /// <summary>Where the source names a place finer than the host (千葉市幕張 for 千葉県).</summary>
    public string? PlaceNote { get; set; }
}

/// <summary>Who may manage one forum besides the secretariat: any user of any site, assigned by the secretariat.</summary>
public sealed class ForumOrganizerAssignment
{
    public int ForumId { get; set; }

    public int UserId { get; set; }

    public DateTime AssignedUtc { get; set; }
}
