using System.Xml.Linq;
using NpoMunicipalNetwork.Statistics;

namespace NpoMunicipalNetwork.Tests.Statistics;

public sealed class SvgBarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData(ChartOrientation.Horizontal)]
    [InlineData(ChartOrientation.Vertical)]
    public void Labels_are_escaped_and_bars_scale_to_the_largest_value(ChartOrientation orientation)
    {
        var bars = new[] { new ChartBar("<script>alert(1)</script>", 10), new ChartBar("A & B \"引用\"", 5), new ChartBar("ゼロ", 0) };
        var markup = SvgBarChart.Render("c1", "題名 <b>", "説明 & 詳細", bars, "件", orientation);
        Assert.DoesNotContain("<script>", markup);
        Assert.DoesNotContain("<b>", markup);
        var svg = XElement.Parse(markup);
        Assert.Equal("c1-title c1-desc", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal("題名 <b>", svg.Element(Svg + "title")!.Value);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("<script>alert(1)</script>", texts);
        Assert.Contains("A & B \"引用\"", texts);
        Assert.Contains("0件", texts);
        // The plate plus one bar per non-zero value; the larger value draws the longer bar.
        var rects = svg.Descendants(Svg + "rect").Skip(1).ToList();
        Assert.Equal(2, rects.Count);
        var size = orientation == ChartOrientation.Horizontal ? "width" : "height";
        Assert.Equal(2.0, double.Parse(rects[0].Attribute(size)!.Value, System.Globalization.CultureInfo.InvariantCulture)
            / double.Parse(rects[1].Attribute(size)!.Value, System.Globalization.CultureInfo.InvariantCulture), 2);
    }

    [Fact]
    public void The_description_names_the_largest_and_the_total_or_says_there_is_no_data()
    {
        Assert.Equal("会員数：データはまだありません。", SvgBarChart.Describe("会員数", [], "団体"));
        var text = SvgBarChart.Describe("会員数", [new ChartBar("関東", 3), new ChartBar("近畿", 7)], "団体");
        Assert.Contains("合計10団体", text);
        Assert.Contains("「近畿」の7団体", text);
    }

    [Fact]
    public void Regions_follow_the_prefecture_codes()
    {
        Assert.Equal("北海道", Regions.Of("01"));
        Assert.Equal("東北", Regions.Of("07"));
        Assert.Equal("関東", Regions.Of("13"));
        Assert.Equal("中部", Regions.Of("23"));
        Assert.Equal("近畿", Regions.Of("24"));
        Assert.Equal("中国", Regions.Of("35"));
        Assert.Equal("四国", Regions.Of("39"));
        Assert.Equal("九州・沖縄", Regions.Of("47"));
        Assert.Null(Regions.Of("48"));
    }
}
