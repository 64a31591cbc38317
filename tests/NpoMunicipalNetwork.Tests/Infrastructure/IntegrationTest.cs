using NpoMunicipalNetwork.Data;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

/// <summary>
/// Base of every integration test class. Each class is declared twice, once per provider
/// (<c>..._Sqlite</c>, <c>..._PostgreSql</c>), so the whole suite runs on both databases;
/// the PostgreSQL run skips by hand without <c>NPO_TEST_POSTGRES</c> and fails under CI.
/// </summary>
public abstract class IntegrationTest(DatabaseProvider provider)
{
    protected DatabaseProvider Provider { get; } = provider;

    protected Task<TestApp> StartAsync(bool runSetupRecipe = true, IDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        TestApp.StartAsync(Provider, runSetupRecipe, settings, services);
}
