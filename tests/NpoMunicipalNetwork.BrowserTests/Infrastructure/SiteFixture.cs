using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace NpoMunicipalNetwork.BrowserTests.Infrastructure;

/// <summary>
/// The real application on Kestrel (a free loopback port), on a fresh SQLite file of its own.
/// The setup recipe runs on the empty database at start, so the site has the hub, the registry
/// of 1,963 governments and the six sample member sites, as on a first install.
/// One instance per test class (<see cref="IClassFixture{TFixture}"/>).
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "npo-browser-tests-" + Guid.NewGuid().ToString("N"));
    private SiteFactory? _factory;

    /// <summary>The site's root, ending in a slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public string DatabaseFile => Path.Combine(_directory, "network.db");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _factory = new SiteFactory($"Data Source={DatabaseFile}");
        _factory.UseKestrel(0);
        _factory.StartServer();

        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? _factory.ClientOptions.BaseAddress.ToString();
        BaseUrl = address.TrimEnd('/') + "/";
        return ValueTask.CompletedTask;
    }

    /// <summary>An absolute URL on the site for a path such as <c>/members?pref=12</c>.</summary>
    public string Url(string path) => BaseUrl.TrimEnd('/') + path;

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless; never fail a run over it.
        }
    }

    private sealed class SiteFactory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:SkipSetupRecipe", "false");
            builder.UseSetting("Themes:WatchForChanges", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
