using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Home;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Themes;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddSingleton(TimeProvider.System)
    .AddNetworkDatabase(builder.Configuration, builder.Environment.ContentRootPath)
    .AddTenancy()
    .AddThemes(builder.Configuration)
    .AddRecipes()
    .AddContentTypes();

var app = builder.Build();

if (RecipeCommandLine.IsRecipeCommand(args))
    return await RecipeCommandLine.RunAsync(app, args);

await DatabaseInitializer.InitializeAsync(app.Services);

app.UseJapaneseErrorPages();
app.UseSecurityHeaders();
app.UseStaticFiles(new StaticFileOptions
{
    // Theme assets are shared by every tenant, so they are served before tenant resolution.
    FileProvider = new PhysicalFileProvider(app.Services.GetRequiredService<ThemeRenderer>().ThemesRoot),
    RequestPath = "/themes",
    OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
});
app.UseMiddleware<TenantResolutionMiddleware>();
// Routing must run after tenant resolution has moved "/{tenant}" into PathBase; without an explicit
// UseRouting, WebApplication matches endpoints at the start of the pipeline, against the full path,
// so every page of a path-resolved member site ("/chiba/", "/chiba/pages/...") fell through to the 404.
app.UseRouting();

app.MapThemeVariables();
app.MapHome();
app.MapMembers();
app.MapPages();
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
