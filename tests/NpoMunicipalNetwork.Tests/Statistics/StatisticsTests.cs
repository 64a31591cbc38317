using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Cases;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Statistics;

/// <summary>The statistics page: its numbers are the database's, drafts and former members are not counted, and each chart is well-formed, named SVG.</summary>
public abstract partial class StatisticsTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Dictionary<string, int> Table(IHtmlDocument doc, string id)
    {
        var table = doc.QuerySelector($"section[aria-labelledby={id}-heading] table")
            ?? throw new InvalidOperationException($"No table for {id}");
        Assert.NotNull(table.QuerySelector("caption"));
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        return table.QuerySelectorAll("tbody tr").ToDictionary(
            tr => tr.QuerySelector("th[scope=row]")!.TextContent,
            tr => int.Parse(tr.QuerySelector("td")!.TextContent.Replace(",", "")));
    }

    [Fact]
    public async Task The_numbers_are_the_databases_and_drafts_and_former_members_are_not_counted()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        // Seed: two new members (北海道 and 沖縄, joined in FY2010 and FY2009), one that has left, one that joins next year.
        await app.InTenantAsync(null, async db =>
        {
            var free = db.Governments.Where(g => g.Membership == null);
            var hokkaido = await free.Where(g => g.PrefectureCode == "01").OrderBy(g => g.Code).FirstAsync();
            var okinawa = await free.Where(g => g.PrefectureCode == "47").OrderBy(g => g.Code).FirstAsync();
            var others = await free.Where(g => g.PrefectureCode == "13").OrderBy(g => g.Code).Take(2).ToListAsync();
            db.Memberships.Add(new Membership { GovernmentCode = hokkaido.Code, JoinedOn = new DateOnly(2010, 5, 1) });
            db.Memberships.Add(new Membership { GovernmentCode = okinawa.Code, JoinedOn = new DateOnly(2010, 3, 31) });
            db.Memberships.Add(new Membership { GovernmentCode = others[0].Code, JoinedOn = new DateOnly(2008, 4, 1), LeftOn = new DateOnly(2015, 3, 31) });
            db.Memberships.Add(new Membership { GovernmentCode = others[1].Code, JoinedOn = today.AddYears(1) });
            await db.SaveChangesAsync();
        });
        var s = await CaseTestSite.CreateAsync(app);
        await s.CreateCaseAsync(s.A, "協働の事例");
        await s.CreateCaseAsync(s.B, "支援の事例", ("relationshipType", "support"), ("methods", "subsidy"), ("fields", "welfare"), ("startFiscalYear", "2010"));
        await s.CreateCaseAsync(s.B, "下書きの事例", ("startFiscalYear", "1999"), ("action", "save"));

        var (response, doc) = await app.GetPageAsync("/statistics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Members, counted independently here from the same rows.
        var current = await app.InTenantAsync(null, db => db.Memberships.AsNoTracking().Include(m => m.Government)
            .Where(m => m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today)).ToListAsync());
        var byKind = Table(doc, "members-kind");
        foreach (var kind in Enum.GetValues<GovernmentKind>())
            Assert.Equal(current.Count(m => m.Government!.Kind == kind), byKind[kind.Japanese()]);
        var byRegion = Table(doc, "members-region");
        Assert.Equal(current.Count(m => m.Government!.PrefectureCode == "01"), byRegion["北海道"]);
        Assert.Equal(current.Count(m => int.Parse(m.Government!.PrefectureCode) is >= 40 and <= 47), byRegion["九州・沖縄"]);
        Assert.Equal(current.Count(m => int.Parse(m.Government!.PrefectureCode) is >= 8 and <= 14), byRegion["関東"]);
        Assert.Equal(current.Count, byRegion.Values.Sum());
        var byYear = Table(doc, "members-year");
        int Joined(int fy) => current.Count(m => (m.JoinedOn.Month >= 4 ? m.JoinedOn.Year : m.JoinedOn.Year - 1) == fy);
        Assert.Equal(Joined(2010), byYear.Single(r => r.Key.StartsWith("2010年度")).Value);
        Assert.Equal(Joined(2009), byYear.Single(r => r.Key.StartsWith("2009年度")).Value);
        Assert.Equal(current.Count, byYear.Values.Sum()); // the former and the future member are not counted

        // Cases: only published ones of active member sites.
        var published = await app.InTenantAsync(null, db => db.PolicyCases.IgnoreQueryFilters().AsNoTracking()
            .Include(c => c.Fields).ThenInclude(f => f.Field)
            .Where(c => c.IsPublished && db.Tenants.Any(t => t.Id == c.TenantId && !t.IsHub && t.Status == TenantStatus.Active)).ToListAsync());
        var byType = Table(doc, "cases-type");
        foreach (var type in RelationshipTypeNames.All)
            Assert.Equal(published.Count(c => c.RelationshipType == type), byType[type.Japanese()]);
        Assert.Equal(published.Count, byType.Values.Sum());
        var byStart = Table(doc, "cases-year");
        Assert.Equal(published.Count(c => c.StartFiscalYear == 2006), byStart.Single(r => r.Key.StartsWith("2006年度")).Value);
        Assert.Equal(published.Count(c => c.StartFiscalYear == 2010), byStart.Single(r => r.Key.StartsWith("2010年度")).Value);
        Assert.DoesNotContain(byStart.Keys, k => k.StartsWith("1999年度")); // the draft
        var byField = Table(doc, "cases-field");
        Assert.Equal(published.Count(c => c.Fields.Any(f => f.Field!.Code == "welfare")), byField["福祉"]);
        Assert.Equal(published.Count(c => c.Fields.Any(f => f.Field!.Code == "childcare")), byField["子育て"]);

        // The forum chart waits for the forums feature and says so.
        Assert.Contains("参加登録の機能が公開された後", doc.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Every_chart_is_well_formed_svg_named_by_its_title_and_desc_with_the_tables_numbers_as_text()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        var s = await CaseTestSite.CreateAsync(app);
        await s.CreateCaseAsync(s.A, "協働の<事例> & \"引用\"");
        var response = await app.CreateClient().GetAsync("/statistics");
        var html = await response.Content.ReadAsStringAsync();
        var doc = await TestApp.ParseAsync(new HttpResponseMessage { Content = new StringContent(html, System.Text.Encoding.UTF8, "text/html") });
        var charts = SvgElement().Matches(html).Select(m => XElement.Parse(m.Value)).ToList();
        Assert.Equal(6, charts.Count);
        foreach (var svg in charts)
        {
            Assert.Equal("img", (string?)svg.Attribute("role"));
            Assert.Null(svg.Attribute("style"));
            Assert.DoesNotContain(svg.Descendants(), e => e.Attribute("style") is not null);
            var title = svg.Element(Svg + "title")!;
            var desc = svg.Element(Svg + "desc")!;
            Assert.Equal($"{title.Attribute("id")!.Value} {desc.Attribute("id")!.Value}", svg.Attribute("aria-labelledby")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(title.Value));
            Assert.False(string.IsNullOrWhiteSpace(desc.Value));
            var id = title.Attribute("id")!.Value[..^"-title".Length];
            var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
            var table = Table(doc, id);
            // Every category of the table is labelled in the chart and every bar carries its value as text.
            foreach (var (label, value) in table)
            {
                Assert.Contains(texts, t => label.StartsWith(t) || t == label);
                Assert.Contains(texts, t => t.StartsWith($"{value:N0}"));
            }
            Assert.All(svg.Descendants(Svg + "rect").Skip(1), r => Assert.Equal("#1d4f91", (string?)r.Attribute("fill")));
        }
    }

    [Fact]
    public async Task Statistics_are_a_hub_page()
    {
        await using var app = await StartAsync();
        var site = await app.CreateTenantWithPageAsync("intro", "はじめに");
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/{site}/statistics")).Response.StatusCode);
    }

    [GeneratedRegex("<svg[^>]*role=\"img\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();
}

public sealed class StatisticsTests_Sqlite() : StatisticsTests(DatabaseProvider.Sqlite);

public sealed class StatisticsTests_PostgreSql() : StatisticsTests(DatabaseProvider.PostgreSql);
