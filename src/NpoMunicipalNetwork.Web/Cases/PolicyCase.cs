
namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// A member government's NPO policy case (政策事例). The columns hold the live copy, which the
/// member's site and the hub's case database both read from this one row; edits are revisions
/// that go through the publishing workflow like pages.
/// </summary>
public sealed class PolicyCase : ContentItem, Search.ISearchable
{
    string Search.ISearchable.SearchContentType => CaseWorkflow.ContentType;
    int Search.ISearchable.SearchContentId => Id;

    /// <summary>At most <see cref="SummaryLength"/> characters; shown on cards and in search results.</summary>
    public string Summary { get; set; } = "";

    /// <summary>背景・課題</summary>
    public string Background { get; set; } = "";

    /// <summary>取組内容</summary>
    public string Activities { get; set; } = "";

    /// <summary>協働の相手と役割分担</summary>
    public string PartnersAndRoles { get; set; } = "";

    /// <summary>成果</summary>
    public string Outcomes { get; set; } = "";

    /// <summary>課題と工夫</summary>
    public string Lessons { get; set; } = "";

    /// <summary>Fiscal year (年度, April–March) the policy started.</summary>
    public int StartFiscalYear { get; set; }

    /// <summary>Null while the policy is ongoing (継続中).</summary>
    public int? EndFiscalYear { get; set; }

    public RelationshipType RelationshipType { get; set; }

    public List<PolicyCaseField> Fields { get; set; } = [];

    public List<PolicyCaseMethod> Methods { get; set; } = [];

    public List<PolicyCasePartner> Partners { get; set; } = [];

    public List<PolicyCaseBudget> Budgets { get; set; } = [];

    public List<PolicyCaseLink> Links { get; set; } = [];

    public List<PolicyCaseAttachment> Attachments { get; set; } = [];

    /// <summary>Cases this one was adapted from (横展開の元); they may belong to other members.</summary>
    public List<PolicyCaseAdaptation> AdaptedFrom { get; set; } = [];

    public bool IsSample { get; set; }

    public const int SummaryLength = 300;
    public const int SectionLength = 20_000;
}

public sealed class PolicyCaseField : Search.ISearchable
{
    string Search.ISearchable.SearchContentType => CaseWorkflow.ContentType;
    int Search.ISearchable.SearchContentId => PolicyCaseId;

    public int PolicyCaseId { get; set; }

    public int PolicyFieldId { get; set; }

    public PolicyField? Field { get; set; }
}

public sealed class PolicyCaseMethod : Search.ISearchable
{
    string Search.ISearchable.SearchContentType => CaseWorkflow.ContentType;
    int Search.ISearchable.SearchContentId => PolicyCaseId;

    public int PolicyCaseId { get; set; }

    public int PolicyMethodId { get; set; }

    public PolicyMethod? Method { get; set; }
}

/// <summary>A partner organisation; the corporate number (法人番号, 13 digits) identifies it when it has one.</summary>
public sealed class PolicyCasePartner : Search.ISearchable
{
    string Search.ISearchable.SearchContentType => CaseWorkflow.ContentType;
    int Search.ISearchable.SearchContentId => PolicyCaseId;

    public int Id { get; set; }

    public int PolicyCaseId { get; set; }

    public int Order { get; set; }

    public string Name { get; set; } = "";

    public string? CorporateNumber { get; set; }
}

public sealed class PolicyCaseBudget
{
    public int PolicyCaseId { get; set; }

    public int FiscalYear { get; set; }

    public long AmountYen { get; set; }
}

public sealed class PolicyCaseLink
{
    public int Id { get; set; }

    public int PolicyCaseId { get; set; }

    public int Order { get; set; }

    public string Title { get; set; } = "";

    public string Url { get; set; } = "";
}

public sealed class PolicyCaseAttachment : Search.ISearchable
{
    string Search.ISearchable.SearchContentType => CaseWorkflow.ContentType;
    int Search.ISearchable.SearchContentId => PolicyCaseId;

    public int Id { get; set; }

    public int PolicyCaseId { get; set; }

    public int Order { get; set; }

    public string Title { get; set; } = "";

    public int StoredFileId { get; set; }

    public Files.StoredFile? File { get; set; }
}

/// <summary>"This case was adapted from that one" (横展開). The source may be any member's published case.</summary>
public sealed class PolicyCaseAdaptation
{
    public int PolicyCaseId { get; set; }

    public int SourceCaseId { get; set; }
}
