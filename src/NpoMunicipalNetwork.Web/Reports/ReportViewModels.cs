
namespace NpoMunicipalNetwork.Reports;

/// <summary>The reports of one fiscal year in a list.</summary>
public sealed record ReportYearGroup(int FiscalYear, IReadOnlyList<ReportCard> Reports);

public sealed record ReportListModel(string SiteName, IReadOnlyList<ReportYearGroup> Years, Pager Pager,
    IReadOnlyList<Option> Topics, IReadOnlyList<Option> FiscalYears, string? Topic, int? FiscalYear, string? TopicName);

public sealed record ReportFileView(string Title, string FileName, string Size, string Url);

public sealed record ReportCaseView(string Title, string SiteName, string Years, string HubPath);

public sealed record ReportViewModel(int Id, string Title, int FiscalYear, string Summary, string SiteName, string SitePath,
    IReadOnlyList<ReportAuthor> Authors, IReadOnlyList<ReportTocEntry> Contents, string? BodyHtml, IReadOnlyList<string> Topics,
    IReadOnlyList<ReportFileView> Files, IReadOnlyList<ReportCaseView> RelatedCases, DateTime? PublishedUtc, DateTime UpdatedUtc,
    bool OnHub, bool ByMember, string CanonicalPath);
