
namespace NpoMunicipalNetwork.Reports;

/// <summary>
/// A policy report (調査研究報告書) written by the secretariat on the hub or by a member on its own
/// site. The columns hold the live copy; edits are revisions that go through the publishing workflow.
/// </summary>
public sealed class Report : ContentItem, Search.ISearchable
{
    string Search.ISearchable.SearchContentType => Search.Site.SiteContentTypes.Report;
    int Search.ISearchable.SearchContentId => Id;

    /// <summary>The fiscal year (年度) the report covers or was issued in.</summary>
    public int FiscalYear { get; set; }

    /// <summary>One author per line, "氏名 | 所属" (the organisation is optional).</summary>
    public string Authors { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>One chapter per line; leading spaces mark a section under the chapter above.</summary>
    public string TableOfContents { get; set; } = "";

    /// <summary>Optional Markdown text of the report itself (most reports are read as PDF).</summary>
    public string Body { get; set; } = "";

    public List<ReportTopic> Topics { get; set; } = [];

    public List<ReportCase> RelatedCases { get; set; } = [];

    public List<ReportFile> Files { get; set; } = [];

    public const int SummaryLength = 1000;
    public const int AuthorsLength = 4000;
    public const int TableOfContentsLength = 10_000;
    public const int BodyLength = 100_000;
}

/// <summary>A topic of the report, from the network's controlled vocabulary of policy fields (政策分野).</summary>
public sealed class ReportTopic
{
    public int ReportId { get; set; }

    public int PolicyFieldId { get; set; }

    public Cases.PolicyField? Field { get; set; }
}

/// <summary>A published policy case the report discusses; it may belong to any member.</summary>
public sealed class ReportCase
{
    public int ReportId { get; set; }

    public int PolicyCaseId { get; set; }
}

/// <summary>A PDF of the report (本編, 概要版, 資料編 …).</summary>
public sealed class ReportFile
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public int Order { get; set; }

    public string Title { get; set; } = "";

    public int StoredFileId { get; set; }

    public Files.StoredFile? File { get; set; }
}
