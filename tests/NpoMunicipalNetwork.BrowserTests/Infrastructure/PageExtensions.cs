using System.Text.RegularExpressions;
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

    /// <summary>
    /// The form control whose label reads <paramref name="label"/>, with or without the trailing
    /// 「（必須）」 mark, and nothing else: so 「パスワード」 does not also match 「パスワード（確認）」.
    /// </summary>
    public static ILocator Field(this IPage page, string label) =>
        page.GetByLabel(new Regex("^\\s*" + Regex.Escape(label) + "\\s*(（必須）)?\\s*$"));

    /// <summary>Signs in through the login form, as a person would, and waits for the admin dashboard.</summary>
    public static async Task SignInAsync(this IPage page, SiteFixture site, string email, string password)
    {
        await page.OpenAsync(site.Url("/account/login"));
        await page.Field("メールアドレス").FillAsync(email);
        await page.Field("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(site.Url("/admin"));
        }
        catch (TimeoutException e)
        {
            // This wait has timed out twice on a busy machine; say where the browser was and what the page said.
            var said = await page.Locator("h1, .error-summary, .notice").AllInnerTextsAsync();
            throw new TimeoutException($"Sign-in of {email} did not reach /admin; the browser is at {page.Url}: {string.Join(" / ", said)}", e);
        }
    }

    /// <summary>
    /// Presses the form button named <paramref name="button"/> and waits until the page that answers has
    /// loaded; returns that page's response: the form again (400) on validation errors, or, on success,
    /// the page that the POST redirected to (see <see cref="WasRedirectAfterPost"/>).
    /// </summary>
    public static async Task<IResponse> SubmitAsync(this IPage page, string button)
    {
        // Waiting for the navigation (not just for a response) makes sure the new document has
        // replaced the old one, which was already loaded, before the test looks at the page.
#pragma warning disable CS0612 // obsolete: Playwright prefers WaitForURL, but a form answered with 400 keeps its URL.
        var response = await page.RunAndWaitForNavigationAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(),
            new PageRunAndWaitForNavigationOptions { WaitUntil = WaitUntilState.Load });
#pragma warning restore CS0612
        Assert.NotNull(response);
        return response;
    }

    /// <summary>The answer to a POST was a redirect (the post/redirect/get of a form that was accepted).</summary>
    public static bool WasRedirectAfterPost(this IResponse response) =>
        response.Request.RedirectedFrom is { Method: "POST" } && response.Status == 200;

    /// <summary>The form was shown again with validation errors: 400 to the POST itself.</summary>
    public static bool WasRefused(this IResponse response) =>
        response.Request.Method == "POST" && response.Request.RedirectedFrom is null && response.Status == 400;
}
