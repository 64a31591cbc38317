
namespace NpoMunicipalNetwork.Organisations;

/// <summary>
/// NPO and other civic organisations' accounts on the hub: sign-up with a confirmed address, the organisation's
/// profile, its people and invitations. Organisation accounts are never staff (see <see cref="AccountKind"/>); the
/// session carries the organisation (<see cref="OrganisationClaims"/>) for the features that serve organisations.
/// </summary>
public sealed class OrganisationsFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<IAccountClaimsSource, OrganisationClaimsSource>();
        // The shared account pages (password reset, sign-out, the staff sign-in) send organisation accounts here.
        services.Configure<OrganisationAccountPages>(o => o.LoginPath = OrganisationPaths.Login);
    }

    public override void MapRoutes(IEndpointRouteBuilder app)
    {
        // The organisations live on the hub; every member site answers 404 here.
        var group = app.MapGroup(OrganisationPaths.Root).HubOnly();
        group.MapOrganisationLogin();
        group.MapOrganisationSignUp();
        group.MapOrganisationHome();
        group.MapOrganisationProfile();
        group.MapOrganisationMembers();
        group.MapOrganisationInvitations();
        group.MapOrganisationInvitationAccept();
    }
}
