using Fluid;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork.Tests.Themes;

public sealed class LiquidFilterTests
{
    private static async Task<string> Render(string source, object? model = null, string basePath = "", string hubBase = "")
    {
        var options = new TemplateOptions();
        LiquidFilters.Register(options.Filters);
        var context = new TemplateContext(model ?? new { }, options);
        context.AmbientValues[LiquidFilters.BasePathKey] = basePath;
        context.AmbientValues[LiquidFilters.HubBaseKey] = hubBase;
        Assert.True(new FluidParser().TryParse(source, out var template, out var error), error);
        return await template.RenderAsync(context);
    }

    [Fact]
    public async Task Wareki_formats_dates_in_the_japanese_era() =>
        Assert.Equal("令和7年4月1日", await Render("{{ d | wareki }}", new { d = new DateTime(2025, 4, 1) }));

    [Fact]
    public async Task Fiscal_year_accepts_a_year_or_a_date() =>
        Assert.Equal("2025年度 (令和7年度)|2024年度 (令和6年度)",
            await Render("{{ 2025 | fiscal_year }}|{{ d | fiscal_year }}", new { d = new DateTime(2025, 3, 31) }));

    [Theory]
    [InlineData("", "/members", "/members")]
    [InlineData("/chiba", "/members", "/chiba/members")]
    [InlineData("/chiba", "/", "/chiba/")]
    [InlineData("/chiba", "pages/a", "/chiba/pages/a")]
    public async Task Tenant_url_prefixes_the_current_site(string basePath, string path, string expected) =>
        Assert.Equal(expected, await Render($"{{{{ '{path}' | tenant_url }}}}", basePath: basePath));

    [Fact]
    public async Task Hub_url_points_at_the_hub_from_a_tenant_on_its_own_host() =>
        Assert.Equal("https://npo-network.example.jp/members", await Render("{{ '/members' | hub_url }}", basePath: "", hubBase: "https://npo-network.example.jp"));

    [Theory]
    [InlineData("#0031d8")]
    [InlineData("#ffd43d")]
    [InlineData("#777777")]
    [InlineData("#ff0000")]
    [InlineData("#00ff00")]
    [InlineData("#000000")]
    [InlineData("#ffffff")]
    public void Text_on_any_accent_colour_has_at_least_AA_contrast(string accent) =>
        Assert.True(AccentColor.Contrast(accent, AccentColor.TextOn(accent)) >= 4.5);
}
