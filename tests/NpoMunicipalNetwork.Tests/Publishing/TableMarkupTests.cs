using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Publishing.Checks;

namespace NpoMunicipalNetwork.Tests.Publishing;

public sealed class TableMarkupTests
{
    private const string Table = "表: 会議室の利用料金\n\n| 区分 | 料金 |\n|---|---|\n| 大人 | 200円 |\n";

    [Fact]
    public void Header_row_cells_get_column_scope_after_sanitizing()
    {
        var html = TableMarkup.AddTableHeaderScopes(new RichText().ToSafeHtml(Table));
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(["col", "col"], document.QuerySelectorAll("th").Select(th => th.GetAttribute("scope")));
        Assert.Equal(2, document.QuerySelectorAll("td:not([scope])").Length);
    }

    [Fact]
    public void A_header_cell_leading_a_body_row_is_a_row_header_and_existing_scopes_stay()
    {
        const string html = "<table><tbody><tr><th>大人</th><td>200円</td></tr><tr><th scope=\"col\">子ども</th><td>100円</td></tr><tr><th>A</th><th>B</th></tr></tbody></table>";
        var document = new HtmlParser().ParseDocument(TableMarkup.AddTableHeaderScopes(html));
        Assert.Equal(["row", "col", "col", "col"], document.QuerySelectorAll("th").Select(th => th.GetAttribute("scope")));
    }

    [Fact]
    public void The_caption_line_becomes_the_table_caption()
    {
        var html = TableMarkup.AddTableCaptions(new RichText().ToSafeHtml(Table));
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("会議室の利用料金", document.QuerySelector("table > caption")?.TextContent);
        Assert.Empty(document.QuerySelectorAll("p"));
    }

    [Fact]
    public void A_numbered_caption_keeps_its_number()
    {
        var html = TableMarkup.AddTableCaptions(new RichText().ToSafeHtml("表1：利用料金\n\n| 区分 | 料金 |\n|---|---|\n| 大人 | 200円 |"));
        Assert.Equal("表1：利用料金", new HtmlParser().ParseDocument(html).QuerySelector("table > caption")?.TextContent);
    }

    [Fact]
    public void Between_markdig_and_the_sanitizer_the_caption_and_scopes_survive_sanitizing()
    {
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
        var html = new HtmlSanitizer().Sanitize(TableMarkup.AddTableCaptions(TableMarkup.AddTableHeaderScopes(Markdown.ToHtml(Table, pipeline))));
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("会議室の利用料金", document.QuerySelector("table > caption")?.TextContent);
        Assert.All(document.QuerySelectorAll("th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }

    [Theory]
    [InlineData("<p>表: 会議室の一覧</p><ul><li>A</li></ul>")]
    [InlineData("<p>本文です。</p>")]
    [InlineData("")]
    public void Html_without_a_matching_table_is_returned_unchanged(string html)
    {
        Assert.Equal(html, TableMarkup.AddTableCaptions(html));
        Assert.Equal(html, TableMarkup.AddTableHeaderScopes(html));
    }
}
