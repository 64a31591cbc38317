
namespace NpoMunicipalNetwork.Feeds;

/// <summary>RSS/Atom feeds and sitemaps.</summary>
public sealed class FeedsFeature : Feature
{
    public override void MapRoutes(IEndpointRouteBuilder app)
    {
        app.MapFeeds();
        app.MapSitemaps();
    }
}
