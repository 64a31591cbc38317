
namespace NpoMunicipalNetwork.Market;

/// <summary>What an editor says about a round; a revision carries it as JSON, so any revision can be compared, restored and published.</summary>
public sealed record MarketRoundContent : IContentDraft
{
    public string Title { get; init; } = "";
    public int FiscalYear { get; init; }
    public DateTime OpensUtc { get; init; }
    public DateTime ClosesUtc { get; init; }
    public string Eligibility { get; init; } = "";
    public long BudgetCeilingYen { get; init; }
    public string RequiredDocuments { get; init; } = "";
    public string Schedule { get; init; } = "";
    public IReadOnlyList<MarketIssue> Issues { get; init; } = [];
    public IReadOnlyList<MarketCriterion> Criteria { get; init; } = [];
    public int? OwnerDepartmentId { get; init; }

    public string ToJson() => MarketJson.Write(this);

    public static MarketRoundContent FromJson(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<MarketRoundContent>(json, MarketJson.Options) ?? throw new InvalidOperationException("Empty round revision payload.");

    public static MarketRoundContent From(MarketRound r) => new()
    {
        Title = r.Title, FiscalYear = r.FiscalYear, OpensUtc = r.OpensUtc, ClosesUtc = r.ClosesUtc, Eligibility = r.Eligibility,
        BudgetCeilingYen = r.BudgetCeilingYen, RequiredDocuments = r.RequiredDocuments, Schedule = r.Schedule,
        Issues = r.Issues, Criteria = r.Criteria, OwnerDepartmentId = r.OwnerDepartmentId,
    };

    /// <summary>The prose as one Markdown document: what revision diffs and the authoring checker read.</summary>
    public string Markdown()
    {
        var sb = new StringBuilder();
        foreach (var i in Issues)
            sb.Append("## ").Append(i.Title).Append("\n\n").Append(i.Background).Append("\n\n")
                .Append(i.Contribution).Append("\n\n").Append(i.Synergy).Append("\n\n");
        sb.Append("## 応募資格\n\n").Append(Eligibility).Append("\n\n## 提出書類\n\n").Append(RequiredDocuments)
            .Append("\n\n## 審査・採択の日程\n\n").Append(Schedule);
        return sb.ToString().TrimEnd();
    }

    /// <summary>Everything but the prose, one readable line each (for revision diffs).</summary>
    public string DetailLines()
    {
        var lines = new List<string>
        {
            $"実施年度: {JapaneseEra.FormatFiscalYear(FiscalYear)}",
            $"受付開始: {JapanTime.FormatDateTime(OpensUtc)}", $"締切: {JapanTime.FormatDateTime(ClosesUtc)}",
            $"1件あたりの上限額: {BudgetCeilingYen:N0}円",
        };
        lines.AddRange(Criteria.Select(c => $"評価項目: {c.Name}（配点 {c.Weight}）"));
        return string.Join('\n', lines);
    }
}
