using System.Text.Json;

namespace NpoMunicipalNetwork.Reports;

/// <summary>
/// Everything an editor says about a report, before it is checked. A saved revision carries it as
/// JSON, so any revision can be compared, restored and published. Topics are policy-field codes.
/// </summary>
public sealed record ReportContent : IContentDraft
{
    public string Title { get; init; } = "";
    public int FiscalYear { get; init; }
    public string Authors { get; init; } = "";
    public string Summary { get; init; } = "";
    public string TableOfContents { get; init; } = "";
    public string Body { get; init; } = "";
    public IReadOnlyList<string> TopicCodes { get; init; } = [];
    public IReadOnlyList<int> RelatedCaseIds { get; init; } = [];
    public IReadOnlyList<ContentAttachment> Files { get; init; } = [];
    public int? OwnerDepartmentId { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportContent FromJson(string json) => JsonSerializer.Deserialize<ReportContent>(json, Json)
        ?? throw new InvalidOperationException("Empty report revision payload.");

    /// <summary>The texts as one Markdown document: what revision diffs and the authoring checker read.</summary>
    public string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("## 概要\n\n").Append(Summary.Trim()).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(Body))
            sb.Append(Body.Trim());
        return sb.ToString().TrimEnd();
    }

    /// <summary>Everything but the texts, one readable line each (for revision diffs).</summary>
    public string DetailLines()
    {
        var lines = new List<string> { $"年度: {FiscalYear}年度", $"テーマ: {string.Join("、", TopicCodes)}" };
        lines.AddRange(ReportAuthors.Parse(Authors).Select(a => $"執筆: {a.Name}{(a.Organisation is { } o ? $"（{o}）" : "")}"));
        lines.AddRange(ReportToc.Parse(TableOfContents).Select(t => $"目次: {new string('　', t.Level)}{t.Text}"));
        lines.AddRange(RelatedCaseIds.Select(id => $"関連事例: {id}"));
        lines.AddRange(Files.Select(f => $"PDF: {f.Title}（ファイル番号 {f.StoredFileId}）"));
        return string.Join('\n', lines);
    }

    public static ReportContent From(Report r) => new()
    {
        Title = r.Title, FiscalYear = r.FiscalYear, Authors = r.Authors, Summary = r.Summary, TableOfContents = r.TableOfContents, Body = r.Body,
        TopicCodes = r.Topics.Where(t => t.Field is not null).Select(t => t.Field!.Code).ToList(),
        RelatedCaseIds = r.RelatedCases.Select(c => c.PolicyCaseId).ToList(),
        Files = r.Files.OrderBy(f => f.Order).Select(f => new ContentAttachment(f.StoredFileId, f.Title)).ToList(),
        OwnerDepartmentId = r.OwnerDepartmentId,
    };
}


public sealed record ReportAuthor(string Name, string? Organisation);

/// <summary>Authors are written one per line as "氏名 | 所属".</summary>
public static class ReportAuthors
{
    public static IReadOnlyList<ReportAuthor> Parse(string text) => text.Split('\n')
        .Select(l => l.Trim()).Where(l => l.Length > 0)
        .Select(l =>
        {
            var bar = l.IndexOfAny(['|', '｜']);
            var org = bar < 0 ? null : l[(bar + 1)..].Trim();
            return new ReportAuthor((bar < 0 ? l : l[..bar]).Trim(), string.IsNullOrEmpty(org) ? null : org);
        }).ToList();
}

public sealed record ReportTocEntry(int Level, string Text);

/// <summary>The table of contents is one heading per line; an indented line (spaces, tab or 全角空白) is a section of the chapter above.</summary>
public static class ReportToc
{
    public static IReadOnlyList<ReportTocEntry> Parse(string text) => text.Split('\n')
        .Where(l => l.Trim().Length > 0)
        .Select(l => new ReportTocEntry(char.IsWhiteSpace(l[0]) ? 1 : 0, l.Trim().TrimStart('-', '*', '・').Trim()))
        .ToList();
}
