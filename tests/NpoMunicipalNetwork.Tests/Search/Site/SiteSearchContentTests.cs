using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Tests.Boards;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Search.Site;

/// <summary>/search finds every public content type by Japanese words, and nothing that is not public.</summary>
public abstract class SiteSearchContentTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    // 鷹匠 (falconer) appears nowhere in the setup recipe, so every hit for it is this test's own.
    private const string Word = "鷹匠";

    private sealed record World(string A, string B, string HubName, string AName, int Page, int News, int Case, int Report, int Forum, int Topic, int Post, int Unrelated);

    private static async Task<int> PublicCategoryAsync(TestApp app, string slug = "public") => await app.InTenantAsync(null, async db =>
    {
        var c = new BoardCategory { Slug = slug, Name = "公開の広場", Visibility = BoardVisibility.Public };
        db.BoardCategories.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    private static async Task<World> SeedAsync(TestApp app)
    {
        var a = await app.CreateTenantWithPageAsync("top", "トップ");
        var b = await app.CreateTenantWithPageAsync("top", "トップ");
        var page = await app.AddPageAsync(a, "satoyama", "里山の保全活動", "ＮＰＯと市民が協働して鷹匠の技を伝えます。");
        var news = await app.AddNewsAsync(a, "鷹匠の実演のお知らせ", "市内の福祉施設で NPO が実演します。");
        var @case = await app.AddCaseAsync(new CaseSpec(a, "里山を守る事業") { Summary = "地元の鷹匠と NPO 法人が取り組む。" });
        var report = await app.AddReportAsync("hub", "伝統技能と地域の調査研究", "鷹匠をはじめとする伝統技能の継承について調べた。");
        var forum = await app.AddForumAsync(90, "第90回 テストフォーラム", "鷹匠の技と地域づくりを語り合う分科会です。");
        var category = await PublicCategoryAsync(app);
        var author = await app.CreateUserAsync("hub", "author@example.jp", []);
        var topic = await app.InTenantAsync(null, db => BoardWorld.SeedTopicAsync(db, category, author, "伝統技能の継承について", "鷹匠の後継者を探しています。"));
        var post = await app.InTenantAsync(null, db => db.Posts.Where(p => p.TopicId == topic).Select(p => p.Id).SingleAsync());
        var unrelated = await app.AddPageAsync(b, "soba", "蕎麦打ち体験", "地域の蕎麦打ち名人に学びます。");
        var hubName = await app.InTenantAsync(null, db => db.Tenants.Where(t => t.IsHub).Select(t => t.DisplayName).SingleAsync());
        await app.WaitForIndexAsync();
        return new World(a, b, hubName, $"テスト市 {a}", page, news, @case, report, forum, topic, post, unrelated);
    }

    [Fact]
    public async Task Each_type_is_found_by_a_Japanese_word_with_its_site_date_and_canonical_link()
    {
        await using var app = await StartAsync();
        var w = await SeedAsync(app);

        var (response, doc) = await app.GetPageAsync(SiteSeed.Search(Word));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = SiteSeed.Results(doc);
        var byKind = results.ToDictionary(r => r.Kind);
        Assert.Equal(["board", "case", "forum", "news", "page", "report"], byKind.Keys.Order());
        Assert.Equal($"/{w.A}/pages/satoyama", byKind["page"].Url);
        Assert.Equal($"/{w.A}/news/{w.News}", byKind["news"].Url);
        Assert.Equal($"/{w.A}/cases/{w.Case}", byKind["case"].Url);
        Assert.Equal($"/reports/{w.Report}", byKind["report"].Url);
        Assert.Equal("/forums/90", byKind["forum"].Url);
        Assert.Equal($"/boards/t/{w.Topic}#post-{w.Post}", byKind["board"].Url);
        foreach (var kind in new[] { "page", "news", "case" })
            Assert.Equal(w.AName, byKind[kind].Site);
        foreach (var kind in new[] { "report", "forum", "board" })
            Assert.Equal(w.HubName, byKind[kind].Site);
        Assert.Contains("令和7年6月2日", byKind["page"].Meta); // 2025-06-02 10:00 in Japan, shown with its era
        Assert.Contains("令和12年10月1日", byKind["forum"].Meta);
        Assert.Contains("公開の広場", byKind["board"].Meta);
        Assert.Equal("鷹匠の実演のお知らせ", byKind["news"].Title);
        Assert.Contains("鷹匠の後継者", byKind["board"].Snippet);
        // Matches are marked, in the title and in the snippets, and nothing else is.
        var marks = doc.QuerySelectorAll(".site-result mark").Select(m => m.TextContent).ToList();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Equal(Word, m));
        Assert.DoesNotContain(results, r => r.Title.Contains("蕎麦"));
        Assert.Contains("6 件", doc.QuerySelector("#result-count")!.TextContent);
        Assert.Equal("status", doc.QuerySelector("#result-count")!.GetAttribute("role"));

        var soba = SiteSeed.Results((await app.GetPageAsync(SiteSeed.Search("蕎麦"))).Document);
        Assert.Equal([$"/{w.B}/pages/soba"], soba.Select(r => r.Url));
    }

    [Fact]
    public async Task Two_character_words_and_full_width_letters_are_found()
    {
        await using var app = await StartAsync();
        var w = await SeedAsync(app);
        async Task<List<string>> Urls(string q) => SiteSeed.Results((await app.GetPageAsync(SiteSeed.Search(q))).Document).Select(r => r.Url).ToList();

        Assert.Contains($"/{w.A}/pages/satoyama", await Urls("協働")); // 協働 is one bigram
        Assert.Contains($"/{w.A}/news/{w.News}", await Urls("福祉"));
        Assert.DoesNotContain($"/{w.A}/news/{w.News}", await Urls("協働"));
        // The page writes ＮＰＯ in full width, the news item NPO in half width: either spelling finds both.
        var expected = new[] { $"/{w.A}/cases/{w.Case}", $"/{w.A}/news/{w.News}", $"/{w.A}/pages/satoyama" };
        Assert.Equal(expected, (await Urls("NPO 鷹匠")).Order());
        Assert.Equal(expected, (await Urls("ＮＰＯ　鷹匠")).Order());
        Assert.Equal(expected, (await Urls("npo 鷹匠")).Order());
        Assert.Empty(await Urls("鷹匠 蕎麦")); // every word must match
    }

    [Fact]
    public async Task Drafts_closed_unpublished_disabled_site_items_and_hidden_posts_never_appear_even_after_a_rebuild()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("top", "トップ");
        var disabled = await app.CreateTenantWithPageAsync("top", "トップ", status: "disabled");
        var live = await app.AddPageAsync(a, "live", "公開中の鷹匠ページ", "本文");
        foreach (var state in new[] { SeedState.Draft, SeedState.Closed })
        {
            await app.AddPageAsync(a, $"p-{state}", $"{state}の鷹匠ページ", "本文", state);
            await app.AddNewsAsync(a, $"{state}の鷹匠ニュース", "本文", state);
            await app.AddReportAsync(a, $"{state}の鷹匠報告書", "概要", state);
        }
        await app.AddCaseAsync(new CaseSpec(a, "下書きの鷹匠事例") { Published = false });
        await app.AddPageAsync(disabled, "off", "停止中サイトの鷹匠ページ", "本文");
        await app.AddNewsAsync(disabled, "停止中サイトの鷹匠ニュース", "本文");
        await app.AddReportAsync(disabled, "停止中サイトの鷹匠報告書", "概要");
        await app.AddCaseAsync(new CaseSpec(disabled, "停止中サイトの鷹匠事例"));
        var category = await PublicCategoryAsync(app);
        var author = await app.CreateUserAsync("hub", "author@example.jp", []);
        var topic = await app.InTenantAsync(null, db => BoardWorld.SeedTopicAsync(db, category, author, "話題", "見える鷹匠の投稿", replies: 3));
        await app.InTenantAsync(null, async db =>
        {
            var replies = await db.Posts.Where(p => p.TopicId == topic).OrderBy(p => p.Id).Skip(1).ToListAsync();
            foreach (var (p, state) in replies.Zip(new[] { PostState.Hidden, PostState.PendingReview, PostState.Deleted }))
            {
                p.Markdown = $"{state}の鷹匠の投稿";
                p.State = state;
            }
            await db.SaveChangesAsync();
        });
        await app.WaitForIndexAsync();

        async Task AssertOnlyTheLiveOnesAsync()
        {
            var results = SiteSeed.Results((await app.GetPageAsync(SiteSeed.Search(Word))).Document);
            Assert.Equal(["公開中の鷹匠ページ", "話題"], results.Select(r => r.Title).Order());
            Assert.Equal("見える鷹匠の投稿", results.Single(r => r.Kind == "board").Snippet);
            var html = (await (await app.Browser().GetAsync(SiteSeed.Search(Word))).DocumentAsync()).DocumentElement.TextContent;
            Assert.DoesNotContain("Hiddenの鷹匠", html);
            Assert.DoesNotContain("停止中サイト", html);
        }
        await AssertOnlyTheLiveOnesAsync();
        await app.Services.GetRequiredService<SearchIndex>().RebuildAsync(null, CancellationToken.None);
        await AssertOnlyTheLiveOnesAsync();
        Assert.True(live > 0);
    }

    [Fact]
    public async Task Type_filter_counts_equal_the_results_on_every_page()
    {
        await using var app = await StartAsync();
        var w = await SeedAsync(app);
        for (var i = 0; i < 22; i++)
            await app.AddPageAsync(w.B, $"extra-{i}", $"鷹匠の記録 {i}", "本文");
        await app.WaitForIndexAsync();

        var first = (await app.GetPageAsync(SiteSeed.Search(Word))).Document;
        var counts = SiteSeed.Counts(first);
        Assert.Equal(["", "page", "news", "case", "report", "forum", "board"], counts.Keys);
        Assert.Equal(new Dictionary<string, int> { [""] = 28, ["page"] = 23, ["news"] = 1, ["case"] = 1, ["report"] = 1, ["forum"] = 1, ["board"] = 1 }, counts);
        foreach (var (type, expected) in counts)
        {
            var shown = new List<ShownResult>();
            for (var page = 1; ; page++)
            {
                var (response, doc) = await app.GetPageAsync(SiteSeed.Search(Word, type == "" ? null : type, page));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(counts, SiteSeed.Counts(doc)); // the counts do not depend on the type chosen
                var results = SiteSeed.Results(doc);
                Assert.True(results.Count <= 20);
                Assert.All(results, r => Assert.True(type == "" || r.Kind == type, $"{r.Kind} under type={type}"));
                shown.AddRange(results);
                if (doc.QuerySelector("a[rel=next]") is null)
                    break;
            }
            Assert.Equal(expected, shown.Count);
            Assert.Equal(expected, shown.Select(r => r.Url).Distinct().Count());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(SiteSeed.Search(Word, page: 3))).StatusCode);
    }

    [Fact]
    public async Task A_member_sites_search_shows_only_that_sites_own_content()
    {
        await using var app = await StartAsync();
        var w = await SeedAsync(app);
        await app.AddPageAsync(w.B, "b-page", "B市の鷹匠", "本文");
        await app.AddNewsAsync(w.B, "B市の鷹匠ニュース", "本文");
        await app.AddReportAsync(w.B, "B市の鷹匠報告書", "概要");
        await app.AddCaseAsync(new CaseSpec(w.B, "B市の鷹匠事例"));
        await app.WaitForIndexAsync();

        var (response, doc) = await app.GetPageAsync(SiteSeed.Search(Word, prefix: $"/{w.A}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = SiteSeed.Results(doc);
        Assert.Equal([$"/{w.A}/cases/{w.Case}", $"/{w.A}/news/{w.News}", $"/{w.A}/pages/satoyama"], results.Select(r => r.Url).Order());
        Assert.All(results, r => Assert.Equal(w.AName, r.Site));
        Assert.Equal(["", "page", "news", "case", "report"], SiteSeed.Counts(doc).Keys); // no forums or boards on a member site
        Assert.Equal($"/{w.A}/search", doc.QuerySelector("form.site-search")!.GetAttribute("action"));
        Assert.Equal($"/{w.A}/search", doc.QuerySelector("form.site-header__search")!.GetAttribute("action"));
        foreach (var type in new[] { "forum", "board" })
            Assert.Empty(SiteSeed.Results((await app.GetPageAsync(SiteSeed.Search(Word, type, prefix: $"/{w.A}"))).Document));
        var b = SiteSeed.Results((await app.GetPageAsync(SiteSeed.Search(Word, prefix: $"/{w.B}"))).Document);
        Assert.Equal(4, b.Count);
        Assert.All(b, r => Assert.StartsWith($"/{w.B}/", r.Url));
    }

    [Fact]
    public async Task Bad_queries_are_refused_in_Japanese_and_an_empty_search_explains_itself()
    {
        await using var app = await StartAsync();
        var client = app.Browser();
        var tooLong = await client.GetAsync("/search?q=" + new string('あ', 201));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("キーワードは 200 文字以内", await tooLong.Content.ReadAsStringAsync());
        var badType = await client.GetAsync("/search?q=a&type=video");
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Contains("種類「video」はありません", await badType.Content.ReadAsStringAsync());
        var badPage = await client.GetAsync("/search?q=a&page=0");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("ページ番号", await badPage.Content.ReadAsStringAsync());

        var (_, help) = await app.GetPageAsync("/search");
        Assert.NotNull(help.QuerySelector("#search-help"));
        Assert.Empty(help.QuerySelectorAll(".site-result"));
        var (_, none) = await app.GetPageAsync(SiteSeed.Search("存在しない語句", "news"));
        Assert.Contains("見つかりませんでした", none.QuerySelector(".empty")!.TextContent);
        Assert.Equal(SiteSeed.Search("存在しない語句"), none.QuerySelector(".empty a")!.GetAttribute("href"));
        Assert.Contains("0 件", none.QuerySelector("#result-count")!.TextContent);

        // The header's search box on every public page: a labelled search landmark pointing at /search.
        var (_, home) = await app.GetPageAsync("/");
        var box = home.QuerySelector("header form[role=search]")!;
        Assert.Equal("/search", box.GetAttribute("action"));
        Assert.Equal("get", box.GetAttribute("method"));
        Assert.Equal("サイト内検索", home.QuerySelector("label[for=header-q]")!.TextContent);
        Assert.Equal("q", home.QuerySelector("#header-q")!.GetAttribute("name"));
    }
}

public sealed class SiteSearchContentTests_Sqlite() : SiteSearchContentTests(DatabaseProvider.Sqlite);

public sealed class SiteSearchContentTests_PostgreSql() : SiteSearchContentTests(DatabaseProvider.PostgreSql);
