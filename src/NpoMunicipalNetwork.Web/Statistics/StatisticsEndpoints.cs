
namespace NpoMunicipalNetwork.Statistics;

/// <summary>A row of a chart's data table.</summary>
public sealed record ChartRow(string Label, string Value);

/// <summary>One chart with the table of the same numbers (the table is the accessible equivalent and the source for copying).</summary>
public sealed record ChartSection(string Id, string Heading, string Svg, string Caption, string CategoryHeader, string ValueHeader,
    IReadOnlyList<ChartRow> Rows, string Total, string? Note);

public sealed record StatisticsModel(string AsOf, IReadOnlyList<ChartSection> Members, IReadOnlyList<ChartSection> Cases, ChartSection? Forums);

/// <summary>The network's statistics on the hub: members and published cases, as server-drawn SVG charts each followed by its table.</summary>
public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/statistics", Show).HubOnly();
        return app;
    }

    private static async Task<IResult> Show(NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var asOf = JapaneseEra.FormatDate(today);
        var members = new List<ChartSection>
        {
            Section("members-year", "加入年度別の会員数", $"加入年度別の会員数（{asOf}現在の会員）", "加入年度", "会員数", "団体",
                await NetworkStatistics.MembersByYearJoinedAsync(db, today, ct), ChartOrientation.Vertical),
            Section("members-kind", "団体の種類別の会員数", $"団体の種類別の会員数（{asOf}現在）", "団体の種類", "会員数", "団体",
                await NetworkStatistics.MembersByKindAsync(db, today, ct), ChartOrientation.Horizontal),
            Section("members-region", "地方別の会員数", $"地方別の会員数（{asOf}現在）", "地方", "会員数", "団体",
                await NetworkStatistics.MembersByRegionAsync(db, today, ct), ChartOrientation.Horizontal),
        };
        var cases = new List<ChartSection>
        {
            Section("cases-year", "開始年度別の事例数", "開始年度別の公開中の事例数", "開始年度", "事例数", "件",
                await NetworkStatistics.CasesByStartYearAsync(db, ct), ChartOrientation.Vertical),
            Section("cases-field", "政策分野別の事例数", "政策分野別の公開中の事例数", "政策分野", "事例数", "件",
                await NetworkStatistics.CasesByFieldAsync(db, ct), ChartOrientation.Horizontal,
                "1つの事例が複数の分野に当てはまる場合は、それぞれの分野に数えています（合計は事例数より多くなります）。"),
            Section("cases-type", "関係区分別の事例数", "関係区分（NPOと行政の関係）別の公開中の事例数", "関係区分", "事例数", "件",
                await NetworkStatistics.CasesByRelationshipTypeAsync(db, ct), ChartOrientation.Horizontal),
        };
        var forumBars = await NetworkStatistics.ForumAttendanceAsync(db, ct);
        var forums = forumBars is null ? null : Section("forums", "フォーラムの参加者数", "フォーラムの回ごとの参加登録者数（確定分）", "回", "参加者数", "人", forumBars, ChartOrientation.Vertical);
        return ThemeResults.View("statistics/index", new StatisticsModel(asOf, members, cases, forums),
            new PageMeta("統計", [new Breadcrumb("ホーム", "/"), new Breadcrumb("統計")], "会員数の推移と内訳、公開中の政策事例の年度・分野・関係区分別の件数"));
    }

    private static ChartSection Section(string id, string heading, string caption, string categoryHeader, string valueHeader, string unit,
        IReadOnlyList<ChartBar> bars, ChartOrientation orientation, string? note = null)
    {
        var svg = SvgBarChart.Render(id, caption, SvgBarChart.Describe(caption, bars, unit), bars, unit, orientation);
        var yearly = orientation == ChartOrientation.Vertical && bars.All(b => int.TryParse(b.Label, out _));
        var rows = bars.Select(b => new ChartRow(yearly ? JapaneseEra.FormatFiscalYear(int.Parse(b.Label)) : b.Label, $"{b.Value:N0}")).ToList();
        return new ChartSection(id, heading, svg, caption, categoryHeader, $"{valueHeader}（{unit}）", rows, $"{bars.Sum(b => b.Value):N0}", note);
    }
}
