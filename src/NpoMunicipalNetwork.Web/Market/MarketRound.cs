
namespace NpoMunicipalNetwork.Market;

/// <summary>
/// A market round (募集回) of a member site for one fiscal year: the regional issues the departments bring, and the
/// call for proposals (period, eligibility, ceiling, documents, weighted criteria). A content type, so it is drafted,
/// approved and published like a page; proposals (<see cref="MarketProposal"/>) are the organisations' own records.
/// </summary>
public sealed class MarketRound : ContentItem
{
    /// <summary>The fiscal year the adopted projects are carried out in (実施年度).</summary>
    public int FiscalYear { get; set; }

    public DateTime OpensUtc { get; set; }

    public DateTime ClosesUtc { get; set; }

    public string Eligibility { get; set; } = "";

    public long BudgetCeilingYen { get; set; }

    public string RequiredDocuments { get; set; } = "";

    public string Schedule { get; set; } = "";

    /// <summary>The regional issues as JSON (<see cref="MarketIssue"/>): always read and written whole with the round, never queried.</summary>
    public string IssuesJson { get; set; } = "[]";

    /// <summary>The evaluation criteria as JSON (<see cref="MarketCriterion"/>).</summary>
    public string CriteriaJson { get; set; } = "[]";

    public IReadOnlyList<MarketIssue> Issues => MarketJson.Read<MarketIssue>(IssuesJson);

    public IReadOnlyList<MarketCriterion> Criteria => MarketJson.Read<MarketCriterion>(CriteriaJson);

    public const int TextLength = 4_000;
}

/// <summary>A regional issue (地域課題) a department brings to the round.</summary>
public sealed record MarketIssue(string Title, string Background, string Contribution, string Synergy);

/// <summary>An evaluation criterion and its weight (配点).</summary>
public sealed record MarketCriterion(string Name, int Weight);

public sealed class MarketRoundConfiguration : ContentItemConfiguration<MarketRound>
{
    public override void Configure(EntityTypeBuilder<MarketRound> e)
    {
        base.Configure(e);
        e.ToTable("MarketRounds");
        e.Property(r => r.Eligibility).HasMaxLength(MarketRound.TextLength);
        e.Property(r => r.RequiredDocuments).HasMaxLength(MarketRound.TextLength);
        e.Property(r => r.Schedule).HasMaxLength(MarketRound.TextLength);
        e.Ignore(r => r.Issues);
        e.Ignore(r => r.Criteria);
        e.HasIndex(r => new { r.IsPublished, r.ClosesUtc }); // the network view, nearest deadline first
    }
}

/// <summary>The JSON of a round's lists and of its revisions: one set of options everywhere.</summary>
public static class MarketJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, Options);

    public static IReadOnlyList<T> Read<T>(string json) =>
        string.IsNullOrEmpty(json) ? [] : System.Text.Json.JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
}
