using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NpoMunicipalNetwork.Accessibility;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using NpoMunicipalNetwork.Data;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>
/// The axe runner end to end: crawl the test site's sitemaps, run axe in Chromium, upload as the
/// secretariat, and read the stored run on the public 試験結果 page. A second test runs the same
/// runner as an operator would, signing in through the login form: against any running site when
/// <c>NPO_A11Y_BASE_URL</c> (and the administrator's <c>NPO_A11Y_EMAIL</c> / <c>NPO_A11Y_PASSWORD</c>) are set,
/// otherwise against the test site, so it never skips.
/// </summary>
public sealed class AccessibilityRunnerTests(SiteFixture site, BrowserFixture browser) : IClassFixture<SiteFixture>
{
    /// <summary>Enough pages to cover the hub and a member site without making the run slow on a shared machine.</summary>
    private const int PagesTested = 6;

    [Fact]
    public async Task The_runner_crawls_the_sitemaps_runs_axe_uploads_and_the_results_page_shows_the_run()
    {
        await site.EnsureAdministratorAsync();
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(site, SiteFixture.AdministratorEmail, SiteFixture.AdministratorPassword);

        var runner = new AccessibilityRunner(context, site.BaseUrl);
        var urls = await runner.SitemapUrlsAsync(PagesTested);
        Assert.Equal(PagesTested, urls.Count);
        Assert.Contains(site.Url("/"), urls);
        var json = await runner.RunAsync(urls);
        // The runner leaves a page that does not answer 200 out of the run; on the test site every page must answer.
        Assert.True(runner.Skipped.Count == 0, "Pages that did not answer 200: " + string.Join("; ", runner.Skipped));
        Assert.Equal(302, await runner.UploadAsync(json));

        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
            // The newest axe run: the other test of this class may have uploaded one to the same site first.
            var run = await db.AccessibilityRuns.Include(r => r.Pages).ThenInclude(p => p.Criteria)
                .Where(r => r.Source == AccessibilitySource.Axe).OrderByDescending(r => r.Id).FirstAsync();
            Assert.StartsWith("axe-core 4.", run.Tool);
            Assert.Equal(PagesTested - runner.Skipped.Count, run.Pages.Count);
            Assert.Contains(run.Pages, p => p.Url == "/" && p.Title.Contains("NPO活動推進自治体ネットワーク"));
            // axe checked real criteria, e.g. the page language and title on every page.
            Assert.All(run.Pages, p => Assert.Contains(p.Criteria, c => c.Criterion == "3.1.1" && c.Outcome == CriterionOutcome.Pass));
        }

        var results = await context.NewPageAsync();
        await results.OpenAsync(site.Url("/accessibility/results"));
        await Expect(results.GetByRole(AriaRole.Heading, new() { Name = "ブラウザーでの自動試験（axe-core）" })).ToBeVisibleAsync();
        var criteria = results.GetByRole(AriaRole.Table).First;
        await Expect(criteria.GetByRole(AriaRole.Rowheader, new() { Name = "3.1.1 ページの言語" })).ToBeVisibleAsync();
        await results.AssertNoWcagViolationsAsync("/accessibility/results");
    }

    [Fact]
    public async Task Run_against_the_site_named_by_the_environment()
    {
        var baseUrl = Environment.GetEnvironmentVariable("NPO_A11Y_BASE_URL");
        string email, password;
        int max;
        if (string.IsNullOrEmpty(baseUrl))
        {
            await site.EnsureAdministratorAsync();
            (baseUrl, email, password, max) = (site.BaseUrl, SiteFixture.AdministratorEmail, SiteFixture.AdministratorPassword, PagesTested);
        }
        else
        {
            email = Environment.GetEnvironmentVariable("NPO_A11Y_EMAIL") ?? "";
            password = Environment.GetEnvironmentVariable("NPO_A11Y_PASSWORD") ?? "";
            max = int.TryParse(Environment.GetEnvironmentVariable("NPO_A11Y_MAX_PAGES"), out var m) ? m : 500;
        }
        await using var context = await browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl.TrimEnd('/') + "/account/login");
        await page.Field("メールアドレス").FillAsync(email);
        await page.Field("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(baseUrl.TrimEnd('/') + "/admin");

        var runner = new AccessibilityRunner(context, baseUrl);
        var json = await runner.RunAsync(await runner.SitemapUrlsAsync(max));
        Assert.Equal(302, await runner.UploadAsync(json));
    }
}
