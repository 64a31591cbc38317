using Microsoft.Playwright;

namespace NpoMunicipalNetwork.BrowserTests.Infrastructure;

public static class PageExtensions
{
    /// <summary>Opens <paramref name="url"/> and asserts an HTML 200 answer.</summary>
    public static async Task<IResponse> OpenAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response.Status == 200, $"GET {url} answered {response.Status} {response.StatusText}.");
        Assert.StartsWith("text/html", response.Headers["content-type"]);
        return response;
    }

    /// <summary>The text of one column of the member directory's result table, one entry per row.</summary>
    public static Task<IReadOnlyList<string>> DirectoryColumnAsync(this IPage page, int column) =>
        page.Locator($"table.table--directory tbody tr > :nth-child({column})").AllInnerTextsAsync();

    public const int PrefectureColumn = 4;
}
