using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Search.Cases;

namespace NpoMunicipalNetwork.Api;

public sealed record CaseListResponse(IReadOnlyList<CaseSummary> Items, string? Next, int Total, CaseFacets Facets);

/// <summary>Facet counts of a case search, as the search page shows them (values with results, and the chosen ones).</summary>
public sealed record CaseFacets(
    IReadOnlyList<ApiFacetValue> Field,
    IReadOnlyList<ApiFacetValue> Type,
    IReadOnlyList<ApiFacetValue> Method,
    IReadOnlyList<ApiFacetValue> Pref,
    IReadOnlyList<ApiFacetValue> Kind,
    IReadOnlyList<DecadeFacet> Years,
    int WithAttachments);

/// <summary>Cases running in any year of [from, to] (a decade).</summary>
public sealed record DecadeFacet(int From, int To, int Count);

/// <summary>The member government behind a case's site.</summary>
public sealed record CaseMember(string? Code, ApiTerm? Prefecture, ApiTerm? Kind);

public sealed record CaseSummary(
    int Id, string Title, string Summary, ApiSiteRef Site, CaseMember Member,
    int StartFiscalYear, int? EndFiscalYear, ApiTerm RelationshipType,
    IReadOnlyList<ApiTerm> Fields, IReadOnlyList<ApiTerm> Methods,
    bool HasAttachments, int AdoptionCount, bool IsSample,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string Url);

public sealed record CaseSection(string Key, string Label, string Markdown, string Html);

public sealed record CasePartner(string Name, string? CorporateNumber);

public sealed record CaseBudget(int FiscalYear, long AmountYen);

public sealed record CaseLink(string Title, string Url);

public sealed record CaseDetail(
    int Id, string Title, string Summary, ApiSiteRef Site, CaseMember Member,
    int StartFiscalYear, int? EndFiscalYear, ApiTerm RelationshipType,
    IReadOnlyList<ApiTerm> Fields, IReadOnlyList<ApiTerm> Methods,
    IReadOnlyList<CaseSection> Sections, IReadOnlyList<CasePartner> Partners, IReadOnlyList<CaseBudget> Budgets,
    IReadOnlyList<ApiFile> Attachments, IReadOnlyList<CaseLink> Links,
    IReadOnlyList<int> AdaptedFrom, IReadOnlyList<int> AdaptedBy, int AdoptionCount, ApiContact? Contact, bool IsSample,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string Url);

public static class CaseModels
{
    private static readonly string[] SectionKeys = ["background", "activities", "partnersAndRoles", "outcomes", "lessons"];

    private static CaseMember Member(PublishedCaseRow r) => new(r.MemberCode,
        r.PrefectureCode is null ? null : new ApiTerm(r.PrefectureCode, r.PrefectureName ?? r.PrefectureCode),
        r.Kind is { } k ? new ApiTerm(k.Slug(), k.Japanese()) : null);

    private static IReadOnlyList<ApiTerm> Fields(PolicyCase c) => c.Fields.Where(f => f.Field is not null)
        .OrderBy(f => f.Field!.Order).ThenBy(f => f.PolicyFieldId).Select(f => new ApiTerm(f.Field!.Code, f.Field.Name)).ToList();

    private static IReadOnlyList<ApiTerm> Methods(PolicyCase c) => c.Methods.Where(m => m.Method is not null)
        .OrderBy(m => m.Method!.Order).ThenBy(m => m.PolicyMethodId).Select(m => new ApiTerm(m.Method!.Code, m.Method.Name)).ToList();

    private static ApiTerm Type(PolicyCase c) => new(c.RelationshipType.Code(), c.RelationshipType.Japanese());

    public static CaseSummary Summary(HttpRequest request, PublishedCaseRow r, int adoptions)
    {
        var c = r.Case;
        return new CaseSummary(c.Id, c.Title, c.Summary, ApiLinks.Site(request, r.TenantName, r.SiteName, false), Member(r),
            c.StartFiscalYear, c.EndFiscalYear, Type(c), Fields(c), Methods(c), c.Attachments.Count > 0, adoptions, c.IsSample,
            ApiLinks.Utc(c.PublishedUtc), ApiLinks.Utc(c.UpdatedUtc), ApiLinks.Absolute(request, $"/cases/{c.Id}"));
    }

    public static CaseDetail Detail(HttpRequest request, PublishedCaseRow r, int adoptions, RichText richText,
        IReadOnlyList<int> adaptedFrom, IReadOnlyList<int> adaptedBy, Departments.ContactBlock? contact)
    {
        var c = r.Case;
        var sections = CaseContent.From(c).Sections().Select((s, i) => (s, i)).Where(x => !string.IsNullOrWhiteSpace(x.s.Text))
            .Select(x => new CaseSection(SectionKeys[x.i], x.s.Label, x.s.Text, richText.ToSafeHtml(x.s.Text))).ToList();
        return new CaseDetail(c.Id, c.Title, c.Summary, ApiLinks.Site(request, r.TenantName, r.SiteName, false), Member(r),
            c.StartFiscalYear, c.EndFiscalYear, Type(c), Fields(c), Methods(c), sections,
            c.Partners.OrderBy(p => p.Order).Select(p => new CasePartner(p.Name, p.CorporateNumber)).ToList(),
            c.Budgets.OrderBy(b => b.FiscalYear).Select(b => new CaseBudget(b.FiscalYear, b.AmountYen)).ToList(),
            c.Attachments.OrderBy(a => a.Order).Where(a => a.File is not null).Select(a => new ApiFile(a.Title, a.File!.FileName, a.File.ContentType, a.File.Length,
                ApiLinks.Absolute(request, $"/cases/{c.Id}/files/{a.StoredFileId}"))).ToList(),
            c.Links.OrderBy(l => l.Order).Select(l => new CaseLink(l.Title, l.Url)).ToList(),
            adaptedFrom, adaptedBy, adoptions,
            contact is null ? null : new ApiContact(contact.Name, contact.Phone, contact.Fax, contact.Email), c.IsSample,
            ApiLinks.Utc(c.PublishedUtc), ApiLinks.Utc(c.UpdatedUtc), ApiLinks.Absolute(request, $"/cases/{c.Id}"));
    }

    /// <summary>The same values, in the same order and with the same rule (a count, or chosen), as the search page's facet links.</summary>
    public static CaseFacets Facets(CaseQuery q, CaseVocabulary vocabulary, CaseFacetCounts f)
    {
        static int At(int[] counts, int index) => (uint)index < (uint)counts.Length ? counts[index] : 0;
        static List<ApiFacetValue> Values(IEnumerable<(string Code, string Name, int Count)> values, IEnumerable<string> selected)
        {
            var chosen = selected.ToHashSet();
            return values.Where(v => v.Count > 0 || chosen.Contains(v.Code)).Select(v => new ApiFacetValue(v.Code, v.Name, v.Count)).ToList();
        }
        return new CaseFacets(
            Values(vocabulary.Fields.Select(v => (v.Code, v.Name, At(f.Fields, v.Id))), q.Fields),
            Values(RelationshipTypeNames.All.Select(t => (t.Code(), t.Japanese(), At(f.Types, (int)t))), q.Types.Select(t => t.Code())),
            Values(vocabulary.Methods.Select(v => (v.Code, v.Name, At(f.Methods, v.Id))), q.Methods),
            Values(Prefectures.All.Select(p => (p.Code, p.Name, At(f.Prefectures, int.Parse(p.Code)))), q.Prefectures),
            Values(Enum.GetValues<GovernmentKind>().Select(k => (k.Slug(), k.Japanese(), At(f.Kinds, (int)k))), q.Kinds.Select(k => k.Slug())),
            f.Decades.Select((d, i) => new DecadeFacet(d, d + 9, f.DecadeCounts[i]))
                .Where(d => d.Count > 0 || (q.FromYear == d.From && q.ToYear == d.To)).ToList(),
            f.WithAttachments);
    }
}
