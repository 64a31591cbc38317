using System.Net;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Members;

/// <summary>The directory on the setup recipe's data: 6 sample members among 1,963 governments.</summary>
public abstract class MemberDirectoryTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("table.table--directory tbody th a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task By_default_only_members_are_listed_sorted_by_reading()
    {
        await using var app = await StartAsync();

        var (response, doc) = await app.GetPageAsync("/members");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // さが, しが, しずおか, ちば, やまがた, よこはま
        Assert.Equal(["佐賀県", "滋賀県", "静岡県", "千葉県", "山形県", "横浜市"], Names(doc));
        Assert.Contains("6 件", doc.QuerySelector(".result-count")!.TextContent);
        Assert.Equal("会員団体一覧", doc.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task The_prefecture_filter_narrows_members_and_shows_counts()
    {
        await using var app = await StartAsync();

        var (_, doc) = await app.GetPageAsync("/members?pref=12");

        Assert.Equal(["千葉県"], Names(doc));
        Assert.Equal("千葉県（1）", doc.QuerySelector("#filter-pref option[selected]")!.TextContent);
        Assert.Equal("神奈川県（1）", doc.QuerySelectorAll("#filter-pref option").Single(o => o.GetAttribute("value") == "14").TextContent);
    }

    [Fact]
    public async Task All_governments_can_be_listed_filtered_by_prefecture_and_kind_with_paging()
    {
        await using var app = await StartAsync();

        var (_, wards) = await app.GetPageAsync("/members?scope=all&pref=13&kind=special-ward");
        var (_, firstPage) = await app.GetPageAsync("/members?scope=all");
        var (_, secondPage) = await app.GetPageAsync("/members?scope=all&page=2");

        Assert.Equal(23, Names(wards).Count);
        Assert.Contains("千代田区", Names(wards));
        Assert.Contains("1,963 件", firstPage.QuerySelector(".result-count")!.TextContent);
        Assert.Equal(50, Names(firstPage).Count);
        Assert.Equal(50, Names(secondPage).Count);
        Assert.Empty(Names(firstPage).Intersect(Names(secondPage)));
        Assert.Equal("/members?scope=all&page=2", firstPage.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("あいおいし", firstPage.QuerySelector("table.table--directory tbody td")!.TextContent);
    }

    [Theory]
    [InlineData("/members?pref=99", "都道府県（pref）")]
    [InlineData("/members?pref=abc", "都道府県（pref）")]
    [InlineData("/members?kind=metropolis", "団体の種類（kind）")]
    [InlineData("/members?scope=everyone", "表示範囲（scope）")]
    [InlineData("/members?page=0", "ページ番号（page）")]
    [InlineData("/members/120005", "検査数字")]
    [InlineData("/members/12ab", "6桁")]
    public async Task Bad_query_values_get_400_with_a_message_naming_the_field(string url, string expected)
    {
        await using var app = await StartAsync();

        var (response, doc) = await app.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, doc.QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task A_page_beyond_the_last_is_404()
    {
        await using var app = await StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync("/members?page=2")).Response.StatusCode);
    }

    [Fact]
    public async Task A_member_profile_shows_registry_data_membership_with_era_and_its_site()
    {
        await using var app = await StartAsync();

        var (response, doc) = await app.GetPageAsync("/members/120006");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("千葉県", doc.QuerySelector("main h1")!.TextContent);
        var text = doc.QuerySelector("main")!.TextContent;
        Assert.Contains("ちばけん", text);
        Assert.Contains("120006", text);
        Assert.Contains("会員（平成17年11月1日加入）", text);
        Assert.Contains("担当窓口はまだ登録されていません", text);
        Assert.Equal("/chiba/", doc.QuerySelectorAll("main a").Single(a => a.TextContent == "千葉県" && a.GetAttribute("href") == "/chiba/").GetAttribute("href"));
        Assert.Equal("https://www.pref.chiba.lg.jp/", doc.QuerySelector("a[rel=external]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_government_that_is_not_a_member_has_a_profile_saying_so_and_an_unknown_code_is_404()
    {
        await using var app = await StartAsync();

        var (_, sapporo) = await app.GetPageAsync("/members/011002");
        var (unknown, _) = await app.GetPageAsync("/members/019992");

        Assert.Contains("会員ではありません", sapporo.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Membership_counts_only_while_joined_and_not_left_and_the_yearly_table_follows()
    {
        await using var app = await StartAsync();
        await app.ApplyRecipeAsync("""
            { "name": "movements", "steps": [ { "name": "Members", "memberships": [
                { "code": "011002", "joinedOn": "2007-06-01", "leftOn": "2010-03-31", "department": "市民文化局", "phone": "011-211-2964" },
                { "code": "131016", "joinedOn": "2099-04-01" }
            ] } ] }
            """);

        var (_, doc) = await app.GetPageAsync("/members");
        var (_, sapporo) = await app.GetPageAsync("/members/011002");

        Assert.DoesNotContain("札幌市", Names(doc));
        Assert.DoesNotContain("千代田区", Names(doc));
        Assert.Contains("元会員（平成19年6月1日加入、平成22年3月31日退会）", sapporo.QuerySelector("main")!.TextContent);
        Assert.Contains("市民文化局", sapporo.QuerySelector(".contact")!.TextContent);

        var rows = doc.QuerySelectorAll("section[aria-labelledby=years-title] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Equal(["6", "0", "6"], rows["2005年度 (平成17年度)"]);
        Assert.Equal(["1", "0", "7"], rows["2007年度 (平成19年度)"]);
        Assert.Equal(["0", "1", "6"], rows["2009年度 (平成21年度)"]);
    }
}

public sealed class MemberDirectoryTests_Sqlite() : MemberDirectoryTests(DatabaseProvider.Sqlite);

public sealed class MemberDirectoryTests_PostgreSql() : MemberDirectoryTests(DatabaseProvider.PostgreSql);
