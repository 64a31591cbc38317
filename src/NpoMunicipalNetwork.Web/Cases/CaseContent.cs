using System.Text.Json;

namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// Everything an editor (or an import row, a recipe, the API) says about a case, before it is checked.
/// A saved revision carries it as JSON, so any revision can be compared, restored and published.
/// Vocabulary is referred to by code, which survives renames and is what spreadsheets carry.
/// </summary>
public sealed record CaseContent : IContentDraft
{
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Background { get; init; } = "";
    public string Activities { get; init; } = "";
    public string PartnersAndRoles { get; init; } = "";
    public string Outcomes { get; init; } = "";
    public string Lessons { get; init; } = "";
    public int StartFiscalYear { get; init; }
    public int? EndFiscalYear { get; init; }
    public RelationshipType? RelationshipType { get; init; }
    public IReadOnlyList<string> FieldCodes { get; init; } = [];
    public IReadOnlyList<string> MethodCodes { get; init; } = [];
    public IReadOnlyList<CasePartner> Partners { get; init; } = [];
    public IReadOnlyList<CaseBudget> Budgets { get; init; } = [];
    public IReadOnlyList<CaseLink> Links { get; init; } = [];
    public IReadOnlyList<ContentAttachment> Attachments { get; init; } = [];
    public IReadOnlyList<int> AdaptedFromCaseIds { get; init; } = [];
    public int? OwnerDepartmentId { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CaseContent FromJson(string json) => JsonSerializer.Deserialize<CaseContent>(json, Json)
        ?? throw new InvalidOperationException("Empty case revision payload.");

    /// <summary>The sections as one Markdown text: what revision diffs and the authoring checker read.</summary>
    public string SectionsMarkdown()
    {
        var sb = new StringBuilder();
        foreach (var (label, text) in Sections())
            if (!string.IsNullOrWhiteSpace(text))
                sb.Append("## ").Append(label).Append("\n\n").Append(text.Trim()).Append("\n\n");
        return sb.ToString().TrimEnd();
    }

    /// <summary>Everything but the sections, one readable line each (for revision diffs).</summary>
    public string DetailLines()
    {
        var lines = new List<string>
        {
            $"概要: {Summary}",
            $"期間: {StartFiscalYear}年度〜{(EndFiscalYear is { } end ? $"{end}年度" : "継続中")}",
            $"関係区分: {RelationshipType?.Japanese()}",
            $"政策分野: {string.Join("、", FieldCodes)}",
            $"手法: {string.Join("、", MethodCodes)}",
        };
        lines.AddRange(Partners.Select(p => $"相手: {p.Name}{(p.CorporateNumber is { Length: > 0 } n ? $"（法人番号 {n}）" : "")}"));
        lines.AddRange(Budgets.Select(b => $"予算: {b.FiscalYear}年度 {b.AmountYen:N0}円"));
        lines.AddRange(Links.Select(l => $"リンク: {l.Title} {l.Url}"));
        lines.AddRange(Attachments.Select(a => $"添付: {a.Title}（ファイル番号 {a.StoredFileId}）"));
        lines.AddRange(AdaptedFromCaseIds.Select(id => $"参考にした事例: {id}"));
        return string.Join('\n', lines);
    }

    public IEnumerable<(string Label, string Text)> Sections() =>
    [
        (CaseSections.Background, Background),
        (CaseSections.Activities, Activities),
        (CaseSections.PartnersAndRoles, PartnersAndRoles),
        (CaseSections.Outcomes, Outcomes),
        (CaseSections.Lessons, Lessons),
    ];

    /// <summary>The live copy of <paramref name="c"/> as content (what an edit form starts from).</summary>
    public static CaseContent From(PolicyCase c) => new()
    {
        Title = c.Title, Summary = c.Summary, Background = c.Background, Activities = c.Activities,
        PartnersAndRoles = c.PartnersAndRoles, Outcomes = c.Outcomes, Lessons = c.Lessons,
        StartFiscalYear = c.StartFiscalYear, EndFiscalYear = c.EndFiscalYear, RelationshipType = c.RelationshipType,
        FieldCodes = c.Fields.Where(f => f.Field is not null).Select(f => f.Field!.Code).ToList(),
        MethodCodes = c.Methods.Where(m => m.Method is not null).Select(m => m.Method!.Code).ToList(),
        Partners = c.Partners.OrderBy(p => p.Order).Select(p => new CasePartner(p.Name, p.CorporateNumber)).ToList(),
        Budgets = c.Budgets.OrderBy(b => b.FiscalYear).Select(b => new CaseBudget(b.FiscalYear, b.AmountYen)).ToList(),
        Links = c.Links.OrderBy(l => l.Order).Select(l => new CaseLink(l.Title, l.Url)).ToList(),
        Attachments = c.Attachments.OrderBy(a => a.Order).Select(a => new ContentAttachment(a.StoredFileId, a.Title)).ToList(),
        AdaptedFromCaseIds = c.AdaptedFrom.Select(a => a.SourceCaseId).ToList(),
        OwnerDepartmentId = c.OwnerDepartmentId,
    };
}

public sealed record CasePartner(string Name, string? CorporateNumber);

public sealed record CaseBudget(int FiscalYear, long AmountYen);

public sealed record CaseLink(string Title, string Url);


/// <summary>The section headings of a case, in the order the page shows them.</summary>
public static class CaseSections
{
    public const string Background = "背景・課題";
    public const string Activities = "取組内容";
    public const string PartnersAndRoles = "協働の相手と役割分担";
    public const string Outcomes = "成果";
    public const string Lessons = "課題と工夫";
}
