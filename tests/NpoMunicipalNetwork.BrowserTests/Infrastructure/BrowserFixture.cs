using Microsoft.Playwright;

namespace NpoMunicipalNetwork.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole test assembly, launched on first use (so a machine without
/// Chromium can still skip the tests). Each test opens its own browser context, which is isolated.
/// </summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    public BrowserFixture()
    {
        // Expect(...) waits for its condition and fails at this deadline (Playwright's default is 5 s): a test
        // waits for an outcome, it does not time one, so the deadline is generous for a busy two-core machine.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    public async Task<IBrowser> GetBrowserAsync()
    {
        ChromiumRequirement.SkipOrFailIfMissing();
        await _gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
                return _browser;
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumRequirement.ExecutablePath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A fresh, isolated context on <paramref name="baseUrl"/>; dispose it at the end of the test.</summary>
    public async Task<IBrowserContext> NewContextAsync(string baseUrl, bool javaScriptEnabled = true)
    {
        var browser = await GetBrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "ja-JP",
            JavaScriptEnabled = javaScriptEnabled,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // A busy two-core CI machine can be slow; these are upper bounds, not waits.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
