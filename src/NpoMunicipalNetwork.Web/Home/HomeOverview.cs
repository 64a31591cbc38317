namespace NpoMunicipalNetwork.Home;

/// <summary>
/// The member home's 「NPO施策の概要」 is the site's free page with this reserved slug, rendered on the home.
/// Why a page and not a tenant field: it is public text like any page, so it gets the same Markdown
/// sanitising, revisions, accessibility checks and approval route (承認経路) with no second editor to
/// keep in step; the home only decides where it shows.
/// </summary>
public static class HomeOverview
{
    public const string Slug = "npo-overview";

    public const string DefaultTitle = "NPO施策の概要";
}
