using System.Net;
using System.Text.Json;
using Ical.Net;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Forums;

/// <summary>The archive seeded by the setup recipe, the forum page with JSON-LD, the timetable, speakers and the iCalendar feeds.</summary>
public abstract class ForumArchiveTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task The_setup_recipe_seeds_the_six_editions_from_the_founding_document_and_the_hub_reads_them()
    {
        await using var app = await StartAsync();
        var (home, doc) = await app.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var rows = doc.QuerySelectorAll("#forum-title ~ table tbody tr").Select(r => r.TextContent.Replace("\n", " ")).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Contains("第1回", rows[0]);
        Assert.Contains("2004年度 (平成16年度)", rows[0]);
        Assert.Contains("千葉県（千葉市幕張）", rows[0]);
        Assert.Contains("山形県", rows[5]);
        Assert.Contains("2009年度 (平成21年度)", rows[5]);
        Assert.Contains("開催予定", rows[5]);

        var (_, archive) = await app.GetPageAsync("/forums");
        Assert.Equal(["2009年度 (平成21年度)", "2008年度 (平成20年度)", "2007年度 (平成19年度)", "2006年度 (平成18年度)", "2005年度 (平成17年度)", "2004年度 (平成16年度)"],
            archive.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToArray());
        Assert.Contains("横浜市", archive.QuerySelector("main")!.TextContent);

        // Nothing the document does not say: no dates, venue or programme for the real editions.
        var (_, second) = await app.GetPageAsync("/forums/2");
        var main = second.QuerySelector("main")!.TextContent;
        Assert.Contains("プログラムは掲載されていません", main);
        Assert.Equal(2, second.QuerySelectorAll("dd").Count(d => d.TextContent.Trim() == "記載なし"));
        Assert.NotNull(second.QuerySelector("a[href='/members/141003']"));
        Assert.NotNull(second.QuerySelector("a[href='/yokohama/']"));
    }

    [Fact]
    public async Task A_forum_page_carries_schema_org_Event_data_and_links_its_programme()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        await app.CreateOpenForumAsync(7, capacity: 100);
        var (response, doc) = await app.GetPageAsync("/forums/7");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        var script = doc.QuerySelector("script[type='application/ld+json']")!;
        using var json = JsonDocument.Parse(script.TextContent);
        var e = json.RootElement;
        Assert.Equal("Event", e.GetProperty("@type").GetString());
        Assert.Equal("テスト第7回フォーラム", e.GetProperty("name").GetString());
        Assert.Equal("2030-10-01T13:00:00+09:00", e.GetProperty("startDate").GetString());
        Assert.Equal("2030-10-02T11:00:00+09:00", e.GetProperty("endDate").GetString());
        Assert.Equal("テスト会館", e.GetProperty("location").GetProperty("name").GetString());
        Assert.Equal("山形県", e.GetProperty("organizer")[0].GetProperty("name").GetString());

        Assert.NotNull(doc.QuerySelector("a[href='/forums/7/register']"));
        var day = await app.GetPageAsync("/forums/7/timetable/2030-10-02");
        Assert.Equal(HttpStatusCode.OK, day.Response.StatusCode);
        Assert.Contains("分科会テスト", day.Document.QuerySelector("table tbody")!.TextContent);
        Assert.DoesNotContain("全体会テスト", day.Document.QuerySelector("table tbody")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync("/forums/7/timetable/2030-10-03")).Response.StatusCode);

        // One speaker page lists both sessions they spoke at.
        var speaker = doc.QuerySelector("a[href^='/forums/speakers/']")!.GetAttribute("href")!;
        var (_, speakerDoc) = await app.GetPageAsync(speaker);
        Assert.Equal(2, speakerDoc.QuerySelectorAll("table tbody tr").Length);
    }

    [Fact]
    public async Task The_ics_feeds_parse_with_IcalNet_and_give_Tokyo_times()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        await app.CreateOpenForumAsync(7, capacity: 100);
        var response = await app.CreateClientFor().GetAsync("/forums/7.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.Contains("TZID:Asia/Tokyo", text);

        var calendar = Calendar.Load(text)!;
        Assert.Single(calendar.TimeZones);
        var plenary = calendar.Events.Single(e => e.Summary!.Contains("全体会テスト"));
        Assert.Equal("Asia/Tokyo", plenary.DtStart!.TzId);
        Assert.Equal(13, plenary.DtStart.Hour);
        Assert.Equal(new DateTime(2030, 10, 1, 4, 0, 0, DateTimeKind.Utc), plenary.DtStart.AsUtc);
        Assert.Equal(new DateTime(2030, 10, 1, 6, 30, 0, DateTimeKind.Utc), plenary.DtEnd!.AsUtc);
        var breakout = calendar.Events.Single(e => e.Summary!.Contains("分科会テスト"));
        Assert.Equal(new DateTime(2030, 10, 2, 0, 30, 0, DateTimeKind.Utc), breakout.DtStart!.AsUtc);

        // The series: every session of every forum; the real editions have no dates, so they add no event.
        var series = Calendar.Load(await app.CreateClientFor().GetStringAsync("/forums.ics"))!;
        Assert.Equal(2, series.Events.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientFor().GetAsync("/forums/99.ics")).StatusCode);
    }

    [Fact]
    public async Task Forum_pages_are_hub_only()
    {
        await using var app = await StartAsync();
        foreach (var url in new[] { "/chiba/forums", "/chiba/forums/1", "/chiba/forums.ics", "/chiba/forums/1/register" })
            Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientFor().GetAsync(url)).StatusCode);
    }
}

public sealed class ForumArchiveTests_Sqlite() : ForumArchiveTests(DatabaseProvider.Sqlite);

public sealed class ForumArchiveTests_PostgreSql() : ForumArchiveTests(DatabaseProvider.PostgreSql);
