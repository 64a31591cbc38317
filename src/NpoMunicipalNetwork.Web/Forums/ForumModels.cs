namespace NpoMunicipalNetwork.Forums;

public sealed record HostLink(string Code, string Name, string? Place, string ProfileUrl, string? SiteUrl);

public sealed record ForumSummaryModel(int Edition, int FiscalYear, string Title, string Status, bool IsPast, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<HostLink> Hosts, string Url, bool IsSample);

public sealed record FiscalYearGroup(int FiscalYear, IReadOnlyList<ForumSummaryModel> Forums);

public sealed record ForumIndexModel(IReadOnlyList<FiscalYearGroup> Years, string IcsUrl);

public sealed record SpeakerLink(int Id, string Name, string? Affiliation, string? Role, string Url);

public sealed record MaterialModel(int Id, string Title, bool IsMemberOnly, string Url, string? SessionTitle);

public sealed record CaseLink(int Id, string Title, string Site, string Url);

public sealed record SessionModel(int Id, string Kind, string Title, DateOnly Date, string Start, string End, string? Room, string? Chair,
    string? Description, int? Capacity, bool IsSample, IReadOnlyList<SpeakerLink> Speakers, IReadOnlyList<MaterialModel> Materials, string? MinutesUrl,
    IReadOnlyList<CaseLink> Cases);

public sealed record DayLink(DateOnly Date, string Url, bool Current);

public sealed record ForumDetailModel(
    ForumSummaryModel Forum,
    string? Summary,
    string? VenueName,
    string? VenueAddress,
    string? VenueAccess,
    int? Capacity,
    DateOnly? RegistrationClosesOn,
    bool RegistrationOpen,
    string RegisterUrl,
    IReadOnlyList<DayLink> Days,
    IReadOnlyList<SessionModel> Sessions,
    IReadOnlyList<MaterialModel> Materials,
    bool HasReport,
    string ReportUrl,
    string MaterialsUrl,
    string ZipUrl,
    string IcsUrl,
    string JsonLd);

public sealed record TimetableModel(ForumSummaryModel Forum, DateOnly Day, IReadOnlyList<DayLink> Days, IReadOnlyList<SessionModel> Sessions, string ForumUrl);

public sealed record SpeakerAppearance(string ForumTitle, int FiscalYear, string ForumUrl, string SessionTitle, string Kind, DateOnly Date, string? Role, bool IsSample);

public sealed record SpeakerModel(string Name, string? Affiliation, bool IsSample, IReadOnlyList<SpeakerAppearance> Appearances);

public sealed record MaterialsModel(ForumSummaryModel Forum, IReadOnlyList<MaterialModel> Materials, string ZipUrl, string ForumUrl, bool CanReadMemberOnly);

public sealed record ReportSection(string Title, int? SessionId, int Number, DateTime CreatedUtc, string? CreatedBy, string BodyHtml, string HistoryUrl);

public sealed record ReportModel(ForumSummaryModel Forum, ReportSection? Report, IReadOnlyList<ReportSection> Minutes, string ForumUrl);

public sealed record ReportVersionLink(int Number, DateTime CreatedUtc, string? CreatedBy, string? Note, string Url, bool Current);

public sealed record ReportHistoryModel(ForumSummaryModel Forum, string Title, IReadOnlyList<ReportVersionLink> Versions, ReportSection? Shown, string ReportUrl);
