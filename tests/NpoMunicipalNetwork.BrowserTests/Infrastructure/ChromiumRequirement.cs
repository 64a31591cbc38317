namespace NpoMunicipalNetwork.BrowserTests.Infrastructure;

/// <summary>
/// The browser tests drive the machine's own Chromium (Debian package <c>chromium</c>); no browser is
/// ever downloaded. Without it a developer's run skips them with the reason, but CI (<c>CI=true</c>)
/// must not pass silently, so there a missing browser fails the test instead.
/// </summary>
public static class ChromiumRequirement
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static int _reported;

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Call first in every browser test.</summary>
    public static void SkipOrFailIfMissing()
    {
        if (File.Exists(ExecutablePath))
            return;

        var reason = $"Chromium was not found at {ExecutablePath}: install the Debian package 'chromium' (apt-get install chromium) to run the browser tests.";
        if (IsCi)
            Assert.Fail(reason + " CI=true, so a missing browser is a failure, not a skip.");

        // Printed once per run (xunit.runner.json turns diagnostic messages on), and kept as each test's skip reason.
        if (Interlocked.Exchange(ref _reported, 1) == 0)
            TestContext.Current.SendDiagnosticMessage("Skipping the browser tests: {0}", reason);
        Assert.Skip(reason);
    }
}
