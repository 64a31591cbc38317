using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;

namespace NpoMunicipalNetwork.BrowserTests.Infrastructure;

/// <summary>
/// The real application on Kestrel (a free loopback port), on a fresh SQLite file of its own.
/// The setup recipe runs on the empty database at start, so the site has the hub, the registry
/// of 1,963 governments and the six sample member sites, as on a first install.
/// One instance per test class (<see cref="IClassFixture{TFixture}"/>).
/// Mail goes to a pickup folder of its own (<see cref="MailFolder"/>); with no network administrator
/// yet, the start issues the one-time setup code (<see cref="SetupCode"/>).
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "npo-browser-tests-" + Guid.NewGuid().ToString("N"));
    private SiteFactory? _factory;

    /// <summary>The site's root, ending in a slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public string DatabaseFile => Path.Combine(_directory, "network.db");

    /// <summary>Where the site writes each mail it sends, as an .eml file.</summary>
    public string MailFolder => Path.Combine(_directory, "mail");

    /// <summary>The application's services, e.g. to read state that a person would read on the console.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The site has not started.");

    /// <summary>The one-time setup code printed at start while there is no network administrator; null once used.</summary>
    public string? SetupCode => Services.GetRequiredService<FirstAdministratorSetup>().CurrentCodeForTests;

    private readonly SemaphoreSlim _adminGate = new(1, 1);
    private bool _adminCreated;

    public const string AdministratorEmail = "secretariat@npo-network.example.jp";
    public const string AdministratorPassword = "browser-test-2026";
    public const string AdministratorName = "事務局 太郎";

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _factory = new SiteFactory($"Data Source={DatabaseFile}", MailFolder);
        _factory.UseKestrel(0);
        _factory.StartServer();

        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? _factory.ClientOptions.BaseAddress.ToString();
        BaseUrl = address.TrimEnd('/') + "/";
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A network administrator on the hub (<see cref="AdministratorEmail"/>, <see cref="AdministratorPassword"/>),
    /// created directly through Identity for tests that need to be signed in but are not about /setup.
    /// The setup code stays issued, so /setup still shows its form in the same site.
    /// </summary>
    public async Task EnsureAdministratorAsync()
    {
        await _adminGate.WaitAsync();
        try
        {
            if (_adminCreated)
                return;
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
            var hubId = await db.Tenants.IgnoreQueryFilters().Where(t => t.IsHub).Select(t => t.Id).SingleAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser
            {
                UserName = AdministratorEmail, Email = AdministratorEmail, EmailConfirmed = true,
                DisplayName = AdministratorName, TenantId = hubId, CreatedUtc = DateTime.UtcNow,
            };
            var result = await users.CreateAsync(user, AdministratorPassword);
            if (result.Succeeded)
                result = await users.AddToRoleAsync(user, Roles.NetworkAdministrator);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            _adminCreated = true;
        }
        finally
        {
            _adminGate.Release();
        }
    }

    /// <summary>The .eml files the site has written so far, oldest first.</summary>
    public IReadOnlyList<string> SentMail() =>
        Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>An absolute URL on the site for a path such as <c>/members?pref=12</c>.</summary>
    public string Url(string path) => BaseUrl.TrimEnd('/') + path;

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _adminGate.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless; never fail a run over it.
        }
    }

    private sealed class SiteFactory(string connectionString, string mailFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:SkipSetupRecipe", "false");
            builder.UseSetting("Themes:WatchForChanges", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Mail:PickupFolder", mailFolder);
            // Each fixture its own search index: several fixtures run at once in this process, and a Lucene
            // folder takes one writer, so a shared App_Data/search answered every search of the others with 500.
            builder.UseSetting("Search:IndexPath", Path.Combine(Path.GetDirectoryName(mailFolder)!, "search"));
            // Every request comes from 127.0.0.1; the per-IP limit on account forms is not under test here.
            builder.UseSetting("Accounts:RequestsPerMinutePerIp", "1000");
        }
    }
}
