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
/// The real application started in memory on its own fresh database, set up by the real
/// setup recipe (or none). One per test, so no test sees another's data.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;

    private readonly bool _ownsDatabase;

    private readonly Action<IServiceCollection>? _services;

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

    /// <param name="services">Replaces services (a fake clock, say) here and in any app started on the same database.</param>
    public static async Task<TestApp> StartAsync(DatabaseProvider provider, bool runSetupRecipe = true, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Database:Provider"] = provider.ToString(),
            ["Database:SkipSetupRecipe"] = runSetupRecipe ? "false" : "true",
            ["Mail:PickupFolder"] = Path.Combine(Path.GetTempPath(), "npo-tests", "mail", Guid.NewGuid().ToString("n")),
            ["DataProtection:KeysFolder"] = Path.Combine(Path.GetTempPath(), "npo-tests", "keys", Guid.NewGuid().ToString("n")),
            ["Accounts:RequestsPerMinutePerIp"] = "1000",
            ["Publishing:SchedulerSeconds"] = "0", // tests run the scheduler by hand, on their own clock
            ["Search:IndexPath"] = ":memory:", // each app (and each instance on a shared database) has its own index
            ["Database:SampleRecipe"] = "", // a test adds the content it needs; sample cases only where a test asks for them
            ["OpenData:DailyAt"] = "", // tests build the open-data bundle when they mean to
            ["Webhooks:PollSeconds"] = "0", // tests run the webhook dispatcher by hand, on their own clock
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            all[k] = v;
        var app = new TestApp(database, all, services);
        _ = app.Server; // start now: migrations and the setup recipe run here, not inside the first request
        return app;
    }

    /// <summary>Starts a second app on the same database, as an upgrade or another instance would.</summary>
    public TestApp StartAnotherOnSameDatabase()
    {
        var app = new TestApp(_database, _settings, _services, ownsDatabase: false);
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
        var folder = Path.Combine(Path.GetTempPath(), "npo-tests", "recipes", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            await _database.DisposeAsync();
    }
}
