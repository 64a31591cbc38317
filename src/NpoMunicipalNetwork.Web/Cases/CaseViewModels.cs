
namespace NpoMunicipalNetwork.Cases;

/// <summary>A case as a card in a list. <see cref="HubPath"/> is the case's page on the hub; <see cref="SitePath"/> on its member site.</summary>
public sealed record CaseCard(int Id, string Title, string HubPath, string SitePath, string SiteName, string Years, string Type,
    IReadOnlyList<string> Fields, string Summary, int AdoptionCount, bool IsSample);

public sealed record CasePartnerView(string Name, string? CorporateNumber, string? CorporateNumberUrl);

public sealed record CaseBudgetView(string FiscalYear, string Amount);

public sealed record CaseFileView(string Title, string FileName, string Kind, string Size, string Url);

public sealed record CaseSectionView(string Id, string Heading, string Html);

public sealed record CaseViewModel(
    int Id, string Title, string Summary, bool IsSample, string SiteName, string SitePath, string? MemberCode, string? Prefecture, string? Kind,
    string Years, string Type, string TypeGloss, IReadOnlyList<string> Fields, IReadOnlyList<string> Methods,
    IReadOnlyList<CaseSectionView> Sections, IReadOnlyList<CasePartnerView> Partners, IReadOnlyList<CaseBudgetView> Budgets, string? BudgetTotal,
    IReadOnlyList<CaseFileView> Files, IReadOnlyList<CaseLinkView> Links,
    IReadOnlyList<CaseCard> AdaptedFrom, IReadOnlyList<CaseCard> AdaptedBy,
    ContactBlock? Contact, DateTime? PublishedUtc, DateTime UpdatedUtc, bool OnHub, string CanonicalPath);

public sealed record MemberCasesModel(string SiteName, IReadOnlyList<CaseCard> Cases, Admin.Pager Pager);

public sealed record MostAdaptedModel(IReadOnlyList<CaseCard> Cases);
public sealed record CaseLinkView(string Title, string Url);
