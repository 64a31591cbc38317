using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Reports;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Forums;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Api;

/// <summary>Members, tenants, forums, reports and news: shapes, cursor paging over everything, and only what the public pages show.</summary>
public abstract class ContentApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static Task<int> AddNewsAsync(TestApp app, string tenant, string title, bool published, DateTime when) => app.InTenantAsync(tenant, async db =>
    {
        var n = new NewsItem
        {
            Title = title, BodyMarkdown = "本文", BodyHtml = "<p>本文</p>", IsPublished = published,
            WorkflowState = published ? WorkflowState.None : WorkflowState.Draft, PublishedUtc = published ? when : null, CreatedUtc = when, UpdatedUtc = when,
        };
        db.NewsItems.Add(n);
        await db.SaveChangesAsync();
        return n.Id;
    });

    private static Task<int> AddReportAsync(TestApp app, string tenant, string title, int year, bool published) => app.InTenantAsync(tenant, async db =>
    {
        var r = new Report
        {
            Title = title, Summary = "概要", Authors = "山田 太郎 | 事務局", TableOfContents = "第1章\n 1.1 目的", FiscalYear = year, IsPublished = published,
            WorkflowState = published ? WorkflowState.None : WorkflowState.Draft, PublishedUtc = published ? DateTime.UtcNow : null,
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        db.Reports.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    });

    private static async Task DisableAsync(TestApp app, string tenant)
    {
        await app.InTenantAsync(null, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Name == tenant)).Status = TenantStatus.Disabled;
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TenantCatalog>().Invalidate();
    }

    [Fact]
    public async Task Members_page_by_code_filter_like_the_directory_and_show_a_profile()
    {
        await using var app = await StartAsync();
        var members = (await app.PageThroughAsync("/api/v1/members?limit=2")).ToList();
        var codes = members.Select(m => m.GetProperty("code").GetString()!).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var memberCount = await app.InTenantAsync(null, db => db.Memberships.CountAsync(m => m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today)));
        Assert.Equal(memberCount, codes.Count);
        Assert.All(members, m => Assert.True(m.GetProperty("isMember").GetBoolean()));
        var chiba = members.Single(m => m.GetProperty("code").GetString() == "120006");
        Assert.Equal("都道府県", chiba.GetProperty("kind").GetProperty("name").GetString());
        Assert.Equal("chiba", chiba.GetProperty("site").GetProperty("name").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", chiba.GetProperty("joinedOn").GetString());

        var (_, prefectures) = await app.GetJsonAsync("/api/v1/members?scope=all&kind=prefecture&limit=100");
        Assert.Equal(47, prefectures.GetProperty("items").GetArrayLength());
        var (_, inChiba) = await app.GetJsonAsync("/api/v1/members?scope=all&pref=12&limit=100");
        Assert.All(inChiba.GetProperty("items").EnumerateArray(), m => Assert.Equal("12", m.GetProperty("prefecture").GetProperty("code").GetString()));

        var (response, profile) = await app.GetJsonAsync("/api/v1/members/120006");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("千葉県", profile.GetProperty("name").GetString());
        Assert.True(profile.TryGetProperty("departmentName", out _));
        await app.AssertProblemAsync("/api/v1/members/120007", HttpStatusCode.BadRequest); // wrong check digit
        await app.AssertProblemAsync("/api/v1/members?pref=99", HttpStatusCode.BadRequest);
        await app.AssertProblemAsync("/api/v1/members?scope=everyone", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Tenants_list_active_member_sites_only()
    {
        await using var app = await StartAsync();
        var extra = await app.CreateTenantWithPageAsync("about", "ページ");
        var disabled = await app.CreateTenantWithPageAsync("about", "ページ", status: "disabled");
        var names = (await app.PageThroughAsync("/api/v1/tenants?limit=1")).Select(t => t.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("chiba", names);
        Assert.Contains(extra, names);
        Assert.DoesNotContain(disabled, names);
        Assert.DoesNotContain("hub", names);
        var (_, chiba) = await app.GetJsonAsync("/api/v1/tenants/chiba");
        Assert.Equal("120006", chiba.GetProperty("memberCode").GetString());
        Assert.Equal("http://localhost/chiba/", chiba.GetProperty("url").GetString());
        await app.AssertProblemAsync($"/api/v1/tenants/{disabled}", HttpStatusCode.NotFound);
        await app.AssertProblemAsync("/api/v1/tenants/hub", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Forums_list_every_edition_and_a_forum_shows_its_programme_and_public_materials_only()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var forumId = await app.CreateOpenForumAsync(21, capacity: 100);
        var sessionId = await app.SessionIdAsync(forumId, "分科会テスト");
        await app.InTenantAsync(null, async db =>
        {
            db.ForumMaterials.AddRange(
                new ForumMaterial { ForumId = forumId, Title = "公開資料", Url = "https://example.jp/public.pdf", Order = 1 },
                new ForumMaterial { ForumId = forumId, SessionId = sessionId, Title = "分科会の公開資料", Url = "https://example.jp/session.pdf", Order = 2 },
                new ForumMaterial { ForumId = forumId, Title = "会員資料", Url = "https://example.jp/secret-members.pdf", IsMemberOnly = true, Order = 3 },
                new ForumMaterial { ForumId = forumId, SessionId = sessionId, Title = "分科会の会員資料", Url = "https://example.jp/secret-session.pdf", IsMemberOnly = true, Order = 4 });
            await db.SaveChangesAsync();
        });
        var editions = (await app.PageThroughAsync("/api/v1/forums?limit=2")).Select(f => f.GetProperty("edition").GetInt32()).ToList();
        Assert.Equal(editions.OrderDescending(), editions);
        Assert.Equal(await app.InTenantAsync(null, db => db.Forums.CountAsync()), editions.Count);
        Assert.Contains(21, editions);

        var (response, forum) = await app.GetJsonAsync("/api/v1/forums/21");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = forum.GetRawText();
        Assert.DoesNotContain("secret", raw);
        Assert.DoesNotContain("会員資料", raw);
        Assert.Equal("registration-open", forum.GetProperty("status").GetProperty("code").GetString());
        Assert.Equal("2030-10-01", forum.GetProperty("startsOn").GetString());
        Assert.Equal("テスト会館", forum.GetProperty("venue").GetProperty("name").GetString());
        Assert.Equal("公開資料", Assert.Single(forum.GetProperty("materials").EnumerateArray()).GetProperty("title").GetString());
        var sessions = forum.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(["全体会テスト", "分科会テスト"], sessions.Select(s => s.GetProperty("title").GetString()));
        Assert.Equal("13:00", sessions[0].GetProperty("startTime").GetString());
        Assert.Equal("試験 一郎", sessions[0].GetProperty("speakers")[0].GetProperty("name").GetString());
        Assert.Equal("分科会の公開資料", Assert.Single(sessions[1].GetProperty("materials").EnumerateArray()).GetProperty("title").GetString());
        await app.AssertProblemAsync("/api/v1/forums/9999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reports_and_news_across_members_show_only_published_items_of_active_sites()
    {
        await using var app = await StartAsync();
        var site = await app.CreateTenantWithPageAsync("about", "ページ");
        var t0 = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var visibleNews = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            visibleNews.Add(await AddNewsAsync(app, "hub", $"ハブのお知らせ{i}", true, t0.AddDays(i / 2))); // pairs share a time
            visibleNews.Add(await AddNewsAsync(app, "chiba", $"千葉のお知らせ{i}", true, t0.AddDays(i / 2)));
        }
        var draftNews = await AddNewsAsync(app, "chiba", "下書きのお知らせ", false, t0);
        var disabledNews = await AddNewsAsync(app, site, "無効サイトのお知らせ", true, t0);
        var visibleReports = new List<int> { await AddReportAsync(app, "hub", "事務局の報告書", 2024, true), await AddReportAsync(app, "chiba", "千葉の報告書", 2024, true),
            await AddReportAsync(app, "yokohama", "横浜の報告書", 2020, true) };
        var draftReport = await AddReportAsync(app, "chiba", "下書きの報告書", 2024, false);
        var disabledReport = await AddReportAsync(app, site, "無効サイトの報告書", 2024, true);
        await DisableAsync(app, site);

        var news = await app.PageThroughAsync("/api/v1/news?limit=3");
        Assert.Equal(visibleNews.Order(), news.Ids().Order());
        var times = news.Select(n => DateTimeOffset.Parse(n.GetProperty("publishedAt").GetString()!)).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Contains(news, n => n.GetProperty("site").GetProperty("isHub").GetBoolean());
        var (_, onlyChiba) = await app.GetJsonAsync("/api/v1/news?site=chiba&limit=100");
        Assert.All(onlyChiba.GetProperty("items").EnumerateArray(), n => Assert.Equal("chiba", n.GetProperty("site").GetProperty("name").GetString()));
        var (_, one) = await app.GetJsonAsync($"/api/v1/news/{visibleNews[1]}");
        Assert.Equal("<p>本文</p>", one.GetProperty("bodyHtml").GetString());
        Assert.Equal($"http://localhost/chiba/news/{visibleNews[1]}", one.GetProperty("url").GetString());
        await app.AssertProblemAsync($"/api/v1/news/{draftNews}", HttpStatusCode.NotFound);
        await app.AssertProblemAsync($"/api/v1/news/{disabledNews}", HttpStatusCode.NotFound);
        await app.AssertProblemAsync("/api/v1/news?site=nosuchsite", HttpStatusCode.BadRequest);

        var reports = await app.PageThroughAsync("/api/v1/reports?limit=1");
        var reportIds = reports.Ids().ToList();
        Assert.Subset(reportIds.ToHashSet(), visibleReports.ToHashSet());
        Assert.DoesNotContain(draftReport, reportIds);
        Assert.DoesNotContain(disabledReport, reportIds);
        var years = reports.Select(r => r.GetProperty("fiscalYear").GetInt32()).ToList();
        Assert.Equal(years.OrderDescending(), years);
        var (_, of2020) = await app.GetJsonAsync("/api/v1/reports?year=2020");
        Assert.Equal(visibleReports[2], Assert.Single(of2020.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var (_, report) = await app.GetJsonAsync($"/api/v1/reports/{visibleReports[0]}");
        Assert.Equal("山田 太郎", report.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal("事務局", report.GetProperty("authors")[0].GetProperty("organisation").GetString());
        Assert.Equal(1, report.GetProperty("tableOfContents")[1].GetProperty("level").GetInt32());
        await app.AssertProblemAsync($"/api/v1/reports/{draftReport}", HttpStatusCode.NotFound);
        await app.AssertProblemAsync($"/api/v1/reports/{disabledReport}", HttpStatusCode.NotFound);
        await app.AssertProblemAsync("/api/v1/reports?year=abc", HttpStatusCode.BadRequest);
        await app.AssertProblemAsync("/api/v1/reports?topic=nosuch", HttpStatusCode.BadRequest);
    }
}

public sealed class ContentApiTests_Sqlite() : ContentApiTests(DatabaseProvider.Sqlite);

public sealed class ContentApiTests_PostgreSql() : ContentApiTests(DatabaseProvider.PostgreSql);
