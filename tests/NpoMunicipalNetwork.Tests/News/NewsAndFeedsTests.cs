using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.News;
using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Cases;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.News;

/// <summary>News per site and across the network, RSS feeds, sitemaps and robots.txt: published items only.</summary>
public abstract class NewsAndFeedsTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static async Task<int> CreateNewsAsync(CaseTestSite s, string tenant, string title, string action = "publish")
    {
        var (editor, unit) = tenant == s.A ? (s.EditorA, s.UnitA) : (s.EditorB, s.UnitB);
        var response = await editor.SubmitAsync($"/{tenant}/admin/news/new", $"/{tenant}/admin/news",
            ("title", title), ("body", $"{title}の本文です。"), ("owner", unit.ToString()), ("action", action));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task<SyndicationFeed> FeedAsync(TestApp app, string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public async Task Published_news_reaches_its_site_the_hub_and_the_feeds_and_a_draft_reaches_none()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        var s = await CaseTestSite.CreateAsync(app);
        var published = await CreateNewsAsync(s, s.A, "協働フォーラム参加者募集");
        var other = await CreateNewsAsync(s, s.B, "NPO相談会のご案内");
        var draft = await CreateNewsAsync(s, s.A, "まだ出せない下書き", "save");

        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync($"/{s.A}/news/{published}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/{s.A}/news/{draft}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/{s.B}/news/{published}")).Response.StatusCode); // another site's item

        var (_, hubNews) = await app.GetPageAsync("/news");
        var text = hubNews.QuerySelector(".news-list")!.TextContent;
        Assert.Contains("協働フォーラム参加者募集", text);
        Assert.Contains("NPO相談会のご案内", text);
        Assert.DoesNotContain("まだ出せない下書き", text);
        Assert.Contains(hubNews.QuerySelectorAll(".news-list a"), a => a.GetAttribute("href") == $"/{s.A}/news/{published}");
        var (_, home) = await app.GetPageAsync("/");
        Assert.Contains("協働フォーラム参加者募集", home.QuerySelector("section[aria-labelledby=news-title]")!.TextContent);
        Assert.DoesNotContain("まだ出せない下書き", home.Body!.TextContent);

        var siteFeed = await FeedAsync(app, $"/{s.A}/feed.xml");
        Assert.Equal(["協働フォーラム参加者募集"], siteFeed.Items.Select(i => i.Title.Text));
        Assert.Equal($"http://localhost/{s.A}/news/{published}", siteFeed.Items.Single().Links.Single().Uri.ToString());
        var networkFeed = await FeedAsync(app, "/feed.xml");
        Assert.Equal(2, networkFeed.Items.Count());
        Assert.DoesNotContain(networkFeed.Items, i => i.Title.Text.Contains("下書き"));

        var caseId = await s.CreateCaseAsync(s.A, "フィードに載る事例");
        await s.CreateCaseAsync(s.A, "フィードに載らない下書き", ("action", "save"));
        var casesFeed = await FeedAsync(app, "/cases/feed.xml");
        var titles = casesFeed.Items.Select(i => i.Title.Text).ToList();
        Assert.Equal($"フィードに載る事例（テスト市 {s.A}）", titles[0]); // newest first, ahead of the sample cases
        Assert.DoesNotContain(titles, t => t.Contains("フィードに載らない下書き"));
        Assert.Single((await FeedAsync(app, $"/{s.A}/cases/feed.xml")).Items);
        Assert.Empty((await FeedAsync(app, $"/{s.B}/cases/feed.xml")).Items);
    }

    [Fact]
    public async Task The_sitemap_lists_every_published_page_and_nothing_else_and_robots_points_to_it()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        var s = await CaseTestSite.CreateAsync(app);
        var news = await CreateNewsAsync(s, s.A, "公開のお知らせ");
        await CreateNewsAsync(s, s.A, "下書きのお知らせ", "save");
        var caseId = await s.CreateCaseAsync(s.A, "公開の事例");
        await s.CreateCaseAsync(s.A, "下書きの事例", ("action", "save"));
        await app.InTenantAsync(s.A, async db =>
        {
            db.Pages.Add(new NpoMunicipalNetwork.Pages.Page { Slug = "hidden", Title = "非公開", IsPublished = false });
            await db.SaveChangesAsync();
        });

        var xml = XDocument.Parse(await app.CreateClient().GetStringAsync($"/{s.A}/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = xml.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).Order().ToList();
        var site = $"http://localhost/{s.A}";
        Assert.Equal(new[] { $"{site}/", $"{site}/news", $"{site}/cases", $"{site}/pages/intro", $"{site}/news/{news}", $"{site}/cases/{caseId}" }.Order(), urls);

        var robots = await app.CreateClient().GetStringAsync("/robots.txt");
        Assert.Contains("Disallow: /admin", robots);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
        Assert.Contains($"Sitemap: http://localhost/{s.A}/sitemap.xml", robots);
        var hub = XDocument.Parse(await app.CreateClient().GetStringAsync("/sitemap.xml"));
        var hubUrls = hub.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Contains("http://localhost/members/120006", hubUrls);
        Assert.DoesNotContain(hubUrls, u => u.Contains("下書き") || u.Contains($"/{s.A}/"));
    }

    [Fact]
    public async Task An_editor_of_another_site_can_neither_read_nor_change_its_news()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        var s = await CaseTestSite.CreateAsync(app);
        var draft = await CreateNewsAsync(s, s.A, "A市の下書き", "save");
        Assert.Equal(HttpStatusCode.NotFound, (await s.EditorB.GetAsync($"/{s.B}/admin/news/{draft}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.EditorB.GetAsync($"/{s.B}/admin/news/{draft}")).StatusCode);
        var post = await s.EditorB.SubmitAsync($"/{s.B}/admin/news/new", $"/{s.B}/admin/news/{draft}", ("title", "乗っ取り"), ("body", "x"), ("owner", s.UnitB.ToString()), ("version", "1"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var bad = await s.EditorA.SubmitAsync($"/{s.A}/admin/news/new", $"/{s.A}/admin/news", ("title", ""), ("body", ""), ("owner", s.UnitA.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var doc = await bad.DocumentAsync();
        Assert.Contains("タイトルを入力してください", doc.QuerySelector("#error-title")!.TextContent);
        Assert.Contains("本文を入力してください", doc.QuerySelector("#error-body")!.TextContent);
        Assert.Equal("A市の下書き", await app.InTenantAsync(s.A, db => db.NewsItems.Where(n => n.Id == draft).Select(n => n.Title).SingleAsync()));
        Assert.Equal(1, await app.InTenantAsync(s.A, db => db.NewsItems.CountAsync()));
    }
}

public sealed class NewsAndFeedsTests_Sqlite() : NewsAndFeedsTests(DatabaseProvider.Sqlite);

public sealed class NewsAndFeedsTests_PostgreSql() : NewsAndFeedsTests(DatabaseProvider.PostgreSql);
