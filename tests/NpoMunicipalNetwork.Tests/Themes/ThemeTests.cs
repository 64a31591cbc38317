using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Themes;

public abstract class ThemeTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Every_page_has_lang_ja_a_skip_link_header_navigation_breadcrumb_and_footer()
    {
        await using var app = await StartAsync();

        var (_, doc) = await app.GetPageAsync("/members/120006");

        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        var skip = doc.Body!.FirstElementChild!;
        Assert.Equal("本文へ移動", skip.TextContent);
        Assert.Equal("#main", skip.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector("main#main"));
        Assert.Equal("千葉県 | NPO活動推進自治体ネットワーク", doc.Title);
        Assert.Equal(["ホーム", "会員団体", "千葉県"], doc.QuerySelectorAll("nav.breadcrumb li").Select(li => li.TextContent.Trim()));
        Assert.Equal("page", doc.QuerySelector("nav.breadcrumb li:last-child")!.GetAttribute("aria-current"));
        Assert.Equal("page", doc.QuerySelector("nav.site-nav a[href='/members']")!.GetAttribute("aria-current"));
        Assert.NotNull(doc.QuerySelector("footer.site-footer"));
        Assert.Contains("<title>千葉県 |", await (await app.CreateClientFor().GetAsync("/members/120006")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_hub_home_introduces_the_network_in_Japanese_with_its_member_count_and_forums()
    {
        await using var app = await StartAsync();

        var (_, doc) = await app.GetPageAsync("/");

        Assert.Equal("NPO活動推進自治体ネットワーク", doc.QuerySelector("main h1")!.TextContent);
        Assert.Equal("6", doc.QuerySelector(".stats__number")!.TextContent);
        var forums = doc.QuerySelectorAll("section[aria-labelledby=forum-title] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(6, forums.Count);
        Assert.Contains("2004年度 (平成16年度)", forums[0]);
        Assert.Contains("幕張", forums[0]);
        Assert.Contains("開催予定", forums[5]);
        Assert.Equal(6, doc.QuerySelectorAll(".card-list .badge--sample").Length);
    }

    [Fact]
    public async Task With_many_member_sites_the_hub_home_shows_the_newest_and_says_how_many_there_are()
    {
        await using var app = await StartAsync();
        var names = Enumerable.Range(0, 10).Select(_ => TestApp.NewTenantName()).ToList();
        await app.ApplyRecipeAsync($$"""
            { "name": "many", "steps": [ { "name": "Tenants", "tenants": [ {{string.Join(",", names.Select(n => $$"""{ "name": "{{n}}", "displayName": "サイト{{n}}" }"""))}} ] } ] }
            """);

        var (_, doc) = await app.GetPageAsync("/");

        var cards = doc.QuerySelectorAll(".card-list .card a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(12, cards.Count);
        Assert.Contains($"/{names[^1]}/", cards);
        Assert.Contains("全 16 サイト", doc.QuerySelector("section[aria-labelledby=sites-title]")!.TextContent);
    }

    [Fact]
    public async Task A_sample_site_is_visibly_marked_as_sample()
    {
        await using var app = await StartAsync();

        var (_, chiba) = await app.GetPageAsync("/chiba/");
        var (_, hub) = await app.GetPageAsync("/");

        Assert.Contains("サンプルデータ", chiba.QuerySelector(".notice--sample")!.TextContent);
        Assert.Null(hub.QuerySelector(".notice--sample"));
    }

    [Fact]
    public async Task Markdown_bodies_are_sanitized_before_they_reach_the_page()
    {
        await using var app = await StartAsync();
        await app.ApplyRecipeAsync("""
            { "name": "xss", "steps": [ { "name": "Content", "tenant": "chiba", "items": [ { "type": "Page", "slug": "xss", "title": "<script>alert(1)</script>",
              "body": "<script>alert(2)</script>\n\n[click](javascript:alert(3))\n\n<img src=x onerror=alert(4)>\n\n**太字**" } ] } ] }
            """);

        var (_, doc) = await app.GetPageAsync("/chiba/pages/xss");

        Assert.Empty(doc.QuerySelectorAll("main script"));
        Assert.Empty(doc.QuerySelectorAll("main [onerror]"));
        Assert.DoesNotContain(doc.QuerySelectorAll("main a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("<script>alert(1)</script>", doc.QuerySelector("main h1")!.TextContent);
        Assert.Equal("太字", doc.QuerySelector("main strong")!.TextContent);
    }
}

public sealed class ThemeTests_Sqlite() : ThemeTests(DatabaseProvider.Sqlite)
{
    private static string CopyThemes()
    {
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../themes"));
        var target = Path.Combine(Path.GetTempPath(), "npo-tests", "themes", Guid.NewGuid().ToString("n"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Template_edits_are_picked_up_without_restart_only_when_watching(bool watch)
    {
        var themes = CopyThemes();
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["Themes:Path"] = themes, ["Themes:WatchForChanges"] = watch.ToString() });
        var client = app.CreateClientFor();
        Assert.Contains("ページが見つかりません", await (await client.GetAsync("/nothing-here")).Content.ReadAsStringAsync());

        var template = Path.Combine(themes, "Public", "not-found.liquid");
        await File.WriteAllTextAsync(template, "<h1>編集後のテンプレート</h1>");

        // Watching: wait for the edit with a generous deadline (it only ends a wait that would never end).
        // Not watching: the parsed template is cached for the life of the process, so the edit must still be
        // unseen after a while; a slow machine can only make that check more lenient, never fail it wrongly.
        var deadline = DateTime.UtcNow + (watch ? TimeSpan.FromSeconds(60) : TimeSpan.FromSeconds(5));
        var seen = false;
        while (!seen && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            seen = (await (await client.GetAsync("/nothing-here")).Content.ReadAsStringAsync()).Contains("編集後のテンプレート");
        }
        Assert.Equal(watch, seen);
    }
}

public sealed class ThemeTests_PostgreSql() : ThemeTests(DatabaseProvider.PostgreSql);
