using NpoMunicipalNetwork.Data;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

/// <summary>
/// Base of every integration test class. Each class is declared twice, once per provider
/// (<c>..._Sqlite</c>, <c>..._PostgreSql</c>), so the whole suite runs on both databases;
/// the PostgreSQL run skips by hand without <c>NPO_TEST_POSTGRES</c> and fails under CI.
/// <para>
/// xunit makes an instance per test and disposes it after the test: every app the test started
/// (and did not dispose itself) is stopped then, and its database dropped, so nothing of one test
/// stays in the process's memory or on disk.
/// </para>
/// </summary>
public abstract class IntegrationTest(DatabaseProvider provider) : IAsyncDisposable
{
    private readonly List<TestApp> _apps = [];

    protected DatabaseProvider Provider { get; } = provider;

    /// <param name="freshDatabase">An empty database migrated by this start instead of a copy of the run's template (tests of migrations).</param>
    protected async Task<TestApp> StartAsync(bool runSetupRecipe = true, IDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null, bool freshDatabase = false)
    {
        var app = await TestApp.StartAsync(Provider, runSetupRecipe, settings, services, freshDatabase);
        lock (_apps)
            _apps.Add(app);
        return app;
    }

    public virtual async ValueTask DisposeAsync()
    {
        TestApp[] apps;
        lock (_apps)
        {
            apps = [.. _apps];
            _apps.Clear();
        }
        foreach (var app in apps.Reverse())
            await app.DisposeAsync(); // a no-op for apps the test disposed itself
        GC.SuppressFinalize(this);
    }
}
