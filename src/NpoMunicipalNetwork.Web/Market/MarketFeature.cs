
namespace NpoMunicipalNetwork.Market;

/// <summary>
/// The partnership market (パートナーシップ市場, 協働事業提案制度): member sites publish rounds (a content type) with
/// regional issues and a call; organisations propose on the hub; staff of the round's site read the submitted proposals.
/// </summary>
public sealed class MarketFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddContentType<MarketRoundContentWorkflowType, MarketRound, MarketRoundWorkflow>();
        // A member site shows the section once it has published a round, like news and cases.
        services.AddSiteNavigation(new PublishedContentNavigation<MarketRound>("パートナーシップ市場", "/market", HubOrder: 65, MemberSiteOrder: 40, r => r.IsPublished));
        services.AddAdminMenuItem(new("協働事業提案の募集回", "/admin/market", Permissions.EditOwnContent, Order: 95, MemberSiteOnly: true));
        services.AddAdminMenuItem(new("届いた提案", "/admin/market/proposals", Permissions.EditOwnContent, Order: 96, MemberSiteOnly: true));
    }

    public override void MapRoutes(IEndpointRouteBuilder app)
    {
        app.MapMarket();
        // Proposals are the organisations' and organisations live on the hub; a member site answers 404 here.
        app.MapGroup("/market").HubOnly().MapProposals();
    }

    public override void MapAdmin(RouteGroupBuilder admin)
    {
        admin.MapContentAdmin(new MarketRoundContentWorkflowType());
        admin.MapProposalAdmin();
    }
}
