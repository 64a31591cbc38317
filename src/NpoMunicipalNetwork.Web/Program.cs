using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Reports;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.News;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using NpoMunicipalNetwork.Infrastructure.Health;
using NpoMunicipalNetwork;
using NpoMunicipalNetwork.Accessibility;
using NpoMunicipalNetwork.Api;
using NpoMunicipalNetwork.Api.Keys;
using NpoMunicipalNetwork.Api.Writes;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Feedback;
using NpoMunicipalNetwork.Feeds;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Home;
using NpoMunicipalNetwork.Market;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.OpenData;
using NpoMunicipalNetwork.Organisations;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Statistics;
using NpoMunicipalNetwork.Webhooks;

// The features of the site, in the order their public routes are mapped. Each owns its wiring
// (XFeature.cs in its folder); the core below names none of them.
Feature[] features =
[
    new HomeFeature(),
    new MembersFeature(),
    new CasesFeature(),
    new SearchFeature(),
    new PagesFeature(),
    new NewsFeature(),
    new FeedsFeature(),
    new FeedbackFeature(),
    new ForumsFeature(),
    new BoardsFeature(),
    new ReportsFeature(),
    new MarketFeature(),
    new StatisticsFeature(),
    new ApiFeature(),
    new OpenDataFeature(),
    new AccessibilityFeature(),
    new AccountsFeature(),
    new OrganisationsFeature(),
    new AuditFeature(),
    new DepartmentsFeature(),
    new TenantsFeature(),
    new WebhooksFeature(),
];

var builder = WebApplication.CreateBuilder(args);
// No "Server: Kestrel": what runs the site is nobody's business but ours.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

builder.Services
    .AddSingleton(TimeProvider.System)
    .AddNetworkDatabase(builder.Configuration, builder.Environment.ContentRootPath)
    .AddTenancy()
    .AddThemes(builder.Configuration)
    .AddRecipes()
    .AddPublishing()
    .AddPublicPageCache(builder.Configuration, builder.Environment)
    .AddAdminShell()
    .AddHealth()
    .AddReverseProxy(builder.Configuration)
    .AddFeatures(features, builder.Configuration, builder.Environment);

var app = builder.Build();

if (RecipeCommandLine.IsRecipeCommand(args))
    return await RecipeCommandLine.RunAsync(app, args);
if (SearchCommandLine.IsSearchCommand(args))
    return await SearchCommandLine.RunAsync(app, args);
if (BackupCommandLine.IsBackupCommand(args))
    return await BackupCommandLine.RunAsync(app, args);

await DatabaseInitializer.InitializeAsync(app.Services);
await app.Services.GetRequiredService<FirstAdministratorSetup>().IssueIfNeededAsync(app.Services);

app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme, not the proxy's
app.UseSecurityHeaders(); // outermost of the rest: error pages carry the headers too
app.UseJapaneseErrorPages();
app.UseApiProblems(); // inside the error pages: /api paths answer problem details instead
if (!app.Environment.IsDevelopment())
    app.UseHsts(); // sent only over HTTPS
app.UseHealthEndpoints(); // before tenant resolution: a probe is about this instance, not a site
app.UseStaticFiles(new StaticFileOptions
{
    // Theme assets are shared by every tenant, so they are served before tenant resolution.
    FileProvider = new PhysicalFileProvider(app.Services.GetRequiredService<ThemeRenderer>().ThemesRoot),
    RequestPath = "/themes",
    OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
});
app.UseMiddleware<TenantResolutionMiddleware>();
// Routing must run after tenant resolution has moved the tenant prefix into PathBase.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseAntiforgeryRefusal(); // a failed check is a 400 whatever the endpoint

app.MapThemeVariables();
app.MapDisplaySettings();
app.MapFeatureRoutes(features);
app.MapAdmin(features);
// MapFallback written out: the request delegate generator's MapFallback drops the fallback's last-place order
// (and a given pattern), so the theme's 404 would shadow real routes.
app.Map("{*path:nonfile}", () => ThemeResults.NotFound()).WithOrder(int.MaxValue).WithDisplayName("Fallback");

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
        app.Logger.LogInformation("NPO活動推進自治体ネットワークのサイトを開く: {Url}/", address.TrimEnd('/'));
});

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can start the app with WebApplicationFactory.</summary>
public partial class Program;
