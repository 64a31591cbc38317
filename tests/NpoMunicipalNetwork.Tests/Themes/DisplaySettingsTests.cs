using System.Net;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Themes;

/// <summary>Text size and colour scheme chosen with plain links (no JavaScript), kept in a cookie for every site.</summary>
public abstract class DisplaySettingsTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task A_link_sets_the_choice_returns_to_the_page_and_every_page_shows_it_even_from_the_cache()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "60" });
        var site = await app.CreateTenantWithPageAsync("intro", "はじめに");
        var plain = app.Browser();
        var first = await (await plain.GetAsync($"/{site}/pages/intro")).DocumentAsync(); // now in the output cache
        Assert.Equal("text-standard colors-standard", first.DocumentElement.ClassName);
        var link = first.QuerySelectorAll(".display-settings a").First(a => a.TextContent.StartsWith("特大"));

        var reader = app.Browser();
        var chosen = await reader.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal($"/{site}/pages/intro", chosen.Headers.Location!.OriginalString);
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("npo.text=xlarge") && c.Contains("path=/") && c.Contains("httponly"));
        await reader.GetAsync("/display?colors=dark&return=/");

        var page = await (await reader.GetAsync($"/{site}/pages/intro")).DocumentAsync();
        Assert.Equal("text-xlarge colors-dark", page.DocumentElement.ClassName);
        var current = page.QuerySelectorAll(".display-settings a[aria-current=true]").Select(a => a.TextContent).ToList();
        Assert.Equal(["特大（選択中）", "黒背景（選択中）"], current);
        Assert.Contains("文字サイズ特大、配色黒背景", page.QuerySelector(".display-settings [role=status]")!.TextContent);
        // The hub and other sites follow the same choice; a reader without it still gets the standard page.
        Assert.Equal("text-xlarge colors-dark", (await (await reader.GetAsync("/")).DocumentAsync()).DocumentElement.ClassName);
        Assert.Equal("text-standard colors-standard", (await (await plain.GetAsync($"/{site}/pages/intro")).DocumentAsync()).DocumentElement.ClassName);
    }

    [Theory]
    [InlineData("/display?text=huge&return=/", HttpStatusCode.BadRequest, null)]
    [InlineData("/display", HttpStatusCode.BadRequest, null)]
    [InlineData("/display?text=large&return=//evil.example/", HttpStatusCode.Redirect, "/")]
    [InlineData("/display?text=large&return=https://evil.example/", HttpStatusCode.Redirect, "/")]
    [InlineData("/display?colors=contrast&return=/members", HttpStatusCode.Redirect, "/members")]
    public async Task Bad_values_are_refused_and_the_return_address_stays_on_this_site(string url, HttpStatusCode status, string? location)
    {
        await using var app = await StartAsync();
        var response = await app.Browser().GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        if (location is not null)
            Assert.Equal(location, response.Headers.Location!.OriginalString);
    }
}

public sealed class DisplaySettingsTests_Sqlite() : DisplaySettingsTests(DatabaseProvider.Sqlite);

public sealed class DisplaySettingsTests_PostgreSql() : DisplaySettingsTests(DatabaseProvider.PostgreSql);
