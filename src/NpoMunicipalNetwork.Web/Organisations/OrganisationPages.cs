
namespace NpoMunicipalNetwork.Organisations;

/// <summary>Pages of the feature that only say something.</summary>
public static class OrganisationPages
{
    public static readonly Breadcrumb Home = new("ホーム", "/");
    public static readonly Breadcrumb Section = new("NPO・団体アカウント", OrganisationPaths.Root);

    public static IResult Message(string title, string message, int status = 200, params Breadcrumb[] links) =>
        ThemeResults.View("organisations/message", new OrganisationMessageModel(message, links), new PageMeta(title, [Home, Section, new(title)]), status);
}
