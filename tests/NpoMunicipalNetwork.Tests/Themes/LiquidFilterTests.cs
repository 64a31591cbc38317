using Fluid;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork.Tests.Themes;

public sealed class LiquidFilterTests
{
    private static async Task<string> Render(string source, object? model = null, string basePath = "", string hubBase = "")
    {
        var options = new TemplateOptions();
        LiquidFilters.Register(options);
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

    [Fact]
    public async Task Iso_date_gives_the_japanese_day_that_wareki_shows() =>
        // 23:00 UTC is already the next day in Japan; the datetime attribute must name the day the text shows.
        Assert.Equal("2025-04-02 令和7年4月2日|2026-01-31|",
            await Render("{{ d | iso_date }} {{ d | wareki }}|{{ o | iso_date }}|{{ s | iso_date }}",
                new { d = new DateTime(2025, 4, 1, 23, 0, 0, DateTimeKind.Utc), o = new DateOnly(2026, 1, 31), s = "not a date" }));

    /// <summary>
    /// SQLite returns stored UTC times with an unspecified kind. They must read as UTC whatever the server's
    /// time zone: on a server set to Asia/Tokyo, Fluid's own conversion would take 16:00 as 16:00 in Japan and
    /// show 3月31日 and the previous fiscal year. (Under TZ=UTC the two readings agree; run this class with
    /// TZ=Asia/Tokyo to see the difference.)
    /// </summary>
    [Fact]
    public async Task Unspecified_times_are_utc_whatever_the_server_time_zone() =>
        Assert.Equal("令和7年4月1日|2025-04-01|2025年度 (令和7年度)|2025-03-31T16:00:00Z",
            await Render("{{ d | wareki }}|{{ d | iso_date }}|{{ d | fiscal_year }}|{{ d | iso_datetime }}",
                new { d = new DateTime(2025, 3, 31, 16, 0, 0, DateTimeKind.Unspecified) }));

    [Fact]
    public async Task Iso_datetime_writes_a_utc_instant() =>
        Assert.Equal("2025-04-01T00:30:05Z|2025-03-31T15:00:00Z",
            await Render("{{ d | iso_datetime }}|{{ o | iso_datetime }}",
                new { d = new DateTime(2025, 4, 1, 0, 30, 5, DateTimeKind.Utc), o = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.FromHours(9)) }));

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
