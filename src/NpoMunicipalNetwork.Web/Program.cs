using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using NpoMunicipalNetwork.Accessibility;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Admin;
using NpoMunicipalNetwork.ApiKeys;
using NpoMunicipalNetwork.ApiWrites;
using NpoMunicipalNetwork.Api;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Cases.Exchange;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Reports;
using NpoMunicipalNetwork.Statistics;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Feeds;
using NpoMunicipalNetwork.Feedback;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Home;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.OpenData;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Search.Cases;
using NpoMunicipalNetwork.Search.Site;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Themes;
using NpoMunicipalNetwork.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddSingleton(TimeProvider.System)
    .AddNetworkDatabase(builder.Configuration, builder.Environment.ContentRootPath)
    .AddTenancy()
    .AddThemes(builder.Configuration)
    .AddRecipes()
    .AddContentTypes()
    .AddAccounts(builder.Configuration, builder.Environment)
    .AddAuditLog()
    .AddForums(builder.Configuration)
    .AddSearch(builder.Configuration)
    .AddBoards(builder.Configuration)
    .AddPublicPageCache(builder.Configuration, builder.Environment)
    .AddFeedbackRateLimit(builder.Configuration)
    .AddApi()
    .AddApiKeys()
    .Configure<ApiWriteOptions>(builder.Configuration.GetSection(ApiWriteOptions.Section))
    .AddOpenData(builder.Configuration)
    .AddWebhooks(builder.Configuration, builder.Environment);

var app = builder.Build();

if (RecipeCommandLine.IsRecipeCommand(args))
    return await RecipeCommandLine.RunAsync(app, args);
if (SearchCommandLine.IsSearchCommand(args))
    return await SearchCommandLine.RunAsync(app, args);

await DatabaseInitializer.InitializeAsync(app.Services);
await app.Services.GetRequiredService<FirstAdministratorSetup>().IssueIfNeededAsync(app.Services);

app.UseJapaneseErrorPages();
app.UseApiProblems(); // inside the error pages: /api paths answer problem details instead
if (!app.Environment.IsDevelopment())
    app.UseHsts(); // sent only over HTTPS
app.UseSecurityHeaders();
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

app.MapThemeVariables();
app.MapDisplaySettings();
app.MapHome();
app.MapMembers();
app.MapCaseSearch();
app.MapSiteSearch();
app.MapPages();
app.MapCases();
app.MapNews();
app.MapFeeds();
app.MapSitemaps();
app.MapFeedback();
app.MapForums();
app.MapSeriesCalendar();
app.MapCaseExchange();
app.MapBoards();
app.MapReports();
app.MapStatistics();
app.MapApi();
app.MapOpenData();
app.MapAccessibility();
app.MapAccounts();
app.MapAdmin();
app.MapApiWrites();
app.MapFallback(() => ThemeResults.NotFound());

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
