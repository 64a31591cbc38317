using System.Text;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Tenants;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

/// <summary>
/// The real application started in memory on a database of its own, set up by the real setup recipe
/// (or none). One per test, so no test sees another's data. The database is a copy of a template that
/// one such start made for the whole run (<see cref="DatabaseTemplates"/>); the app still runs its full
/// start on the copy (the initializer finds nothing to migrate and a hub already there, so it applies no recipe).
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    /// <summary>Where this suite keeps its files: databases, templates, mail, keys, recipes.</summary>
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "npo-tests");

    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;

    private readonly bool _ownsDatabase;

    private readonly Action<IServiceCollection>? _services;

    /// <summary>Apps started on this one's database (<see cref="StartAnotherOnSameDatabase"/>): disposed with it, before the database goes.</summary>
    private readonly List<TestApp> _others = [];

    /// <summary>Folders of this app only (mail, keys, recipes written by <see cref="ApplyRecipeAsync"/>): deleted with it.</summary>
    private readonly List<string> _folders = [];

    private int _disposed;

    private TestApp(TestDatabase database, Dictionary<string, string?> settings, Action<IServiceCollection>? services, bool ownsDatabase = true)
    {
        _database = database;
        _settings = settings;
        _services = services;
        _ownsDatabase = ownsDatabase;
    }

    public DatabaseProvider Provider => _database.Provider;

    public string MailFolder => _settings["Mail:PickupFolder"]!;

    public string ConnectionString => _database.ConnectionString;

    /// <summary>The settings every test app starts with, before a test's own.</summary>
    internal static Dictionary<string, string?> DefaultSettings(TestDatabase database, bool runSetupRecipe) => new()
    {
        ["ConnectionStrings:Default"] = database.ConnectionString,
        ["Database:Provider"] = database.Provider.ToString(),
        ["Database:SkipSetupRecipe"] = runSetupRecipe ? "false" : "true",
        ["Mail:PickupFolder"] = Path.Combine(Root, "mail", Guid.NewGuid().ToString("n")),
        ["DataProtection:KeysFolder"] = Path.Combine(Root, "keys", Guid.NewGuid().ToString("n")),
        ["Accounts:RequestsPerMinutePerIp"] = "1000",
        ["Publishing:SchedulerSeconds"] = "0", // tests run the scheduler by hand, on their own clock
        ["Search:IndexPath"] = ":memory:", // each app (and each instance on a shared database) has its own index
        ["Database:SampleRecipe"] = "", // a test adds the content it needs; sample cases only where a test asks for them
        ["OpenData:DailyAt"] = "", // tests build the open-data bundle when they mean to
        ["Webhooks:PollSeconds"] = "0", // tests run the webhook dispatcher by hand, on their own clock
    };

    /// <param name="services">Replaces services (a fake clock, say) here and in any app started on the same database.
    /// A start with replaced services gets a fresh database: what it writes may depend on them (the setup recipe stamps the clock's time).</param>
    /// <param name="freshDatabase">An empty database that this start migrates and sets up, as on a first install,
    /// instead of a copy of the run's template: for tests of migrations.</param>
    public static async Task<TestApp> StartAsync(DatabaseProvider provider, bool runSetupRecipe = true, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, bool freshDatabase = false)
    {
        var own = settings ?? new Dictionary<string, string?>();
        var fromTemplate = !freshDatabase && services is null && !DatabaseTemplates.Disabled
            && !own.Keys.Any(k => k.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase) || k.Equals("Database:Provider", StringComparison.OrdinalIgnoreCase));
        if (provider == DatabaseProvider.PostgreSql)
            TestDatabase.AdminConnectionOrSkip(); // skip before making anything

        DatabaseTemplate? template = null;
        TestDatabase database;
        if (fromTemplate)
        {
            template = await DatabaseTemplates.GetAsync(TemplateKey.For(provider, runSetupRecipe, own));
            database = await TestDatabase.CopyAsync(template);
        }
        else
            database = await TestDatabase.CreateAsync(provider);

        var all = DefaultSettings(database, runSetupRecipe);
        foreach (var (k, v) in own)
            all[k] = v;
        try
        {
            if (template is not null)
            {
                CopyFolder(template.KeysFolder, all["DataProtection:KeysFolder"]!);
                CopyFolder(template.MailFolder, all["Mail:PickupFolder"]!);
            }
            return await StartOnAsync(database, all, services, ownsDatabase: true);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts an app on <paramref name="database"/> with exactly <paramref name="settings"/>; migrations and the setup recipe run here.</summary>
    internal static async Task<TestApp> StartOnAsync(TestDatabase database, Dictionary<string, string?> settings, Action<IServiceCollection>? services, bool ownsDatabase)
    {
        var app = new TestApp(database, settings, services, ownsDatabase);
        if (ownsDatabase)
        {
            app._folders.Add(settings["Mail:PickupFolder"]!);
            app._folders.Add(settings["DataProtection:KeysFolder"]!);
        }
        try
        {
            _ = app.Server; // start now: migrations and the setup recipe run here, not inside the first request
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
            return;
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    internal static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless; never fail a test over it.
        }
    }

    /// <summary>Starts a second app on the same database, as an upgrade or another instance would. It is disposed with this one at the latest.</summary>
    public TestApp StartAnotherOnSameDatabase()
    {
        var app = new TestApp(_database, _settings, _services, ownsDatabase: false);
        lock (_others)
            _others.Add(app);
        _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }

    public HttpClient CreateClientFor(string host = "localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}") });

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url, string host = "localhost")
    {
        var response = await CreateClientFor(host).GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>Runs <paramref name="work"/> in a DI scope whose unit of work belongs to <paramref name="tenantName"/> (null: none).</summary>
    public async Task<T> InTenantAsync<T>(string? tenantName, Func<NetworkDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        if (tenantName is not null)
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByNameAsync(tenantName)
                ?? throw new InvalidOperationException($"No tenant {tenantName}");
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        }
        return await work(scope.ServiceProvider.GetRequiredService<NetworkDbContext>());
    }

    public Task InTenantAsync(string? tenantName, Func<NetworkDbContext, Task> work) =>
        InTenantAsync<bool>(tenantName, async db => { await work(db); return true; });

    /// <summary>Writes <paramref name="json"/> to a recipe file and applies it; throws <see cref="RecipeException"/> on problems.</summary>
    public async Task ApplyRecipeAsync(string json, string? tenant = null, string fileName = "test.recipe.json")
    {
        var folder = Path.Combine(Root, "recipes", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        lock (_folders)
            _folders.Add(folder);
        var path = Path.Combine(folder, fileName);
        await File.WriteAllTextAsync(path, json, Encoding.UTF8);
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ApplyAsync(RecipeReader.Read(path), tenant);
    }

    /// <summary>A tenant name no other test uses.</summary>
    public static string NewTenantName(string prefix = "t") => prefix + Guid.NewGuid().ToString("n")[..10];

    /// <summary>Creates a member-less tenant with one published page; returns its name.</summary>
    public async Task<string> CreateTenantWithPageAsync(string slug, string title, string? host = null, string status = "active")
    {
        var name = NewTenantName();
        var hosts = host is null ? "[]" : $"[\"{host}\"]";
        await ApplyRecipeAsync($$"""
            {
              "name": "test-tenant", "steps": [
                { "name": "Tenants", "tenants": [ { "name": "{{name}}", "displayName": "テスト市 {{name}}", "hosts": {{hosts}}, "status": "{{status}}" } ] },
                { "name": "Content", "tenant": "{{name}}", "items": [ { "type": "Page", "slug": "{{slug}}", "title": "{{title}}", "body": "本文 {{title}}" } ] }
              ]
            }
            """);
        return name;
    }

    public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

    /// <summary>Stops the app (and any started on its database), then drops its database and deletes its folders. Safe to call twice.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        TestApp[] others;
        lock (_others)
            others = [.. _others];
        foreach (var other in others)
            await other.DisposeAsync();
        await base.DisposeAsync();
        if (_ownsDatabase)
            await _database.DisposeAsync();
        string[] folders;
        lock (_folders)
            folders = [.. _folders];
        foreach (var folder in folders)
            TryDeleteFolder(folder);
    }
}
