
namespace NpoMunicipalNetwork.Admin;

/// <summary>
/// One entry of the admin menu, added by the feature that owns the screen
/// (<c>services.AddAdminMenuItem(...)</c> in its <c>AddServices</c>). Lower <see cref="Order"/> comes first.
/// </summary>
/// <param name="MemberSiteOnly">Shown on member sites only; the hub has no such screen.</param>
public sealed record AdminMenuItem(string Title, string Path, Permission Permission, int Order, bool MemberSiteOnly = false);

public static class AdminMenuExtensions
{
    public static IServiceCollection AddAdminMenuItem(this IServiceCollection services, AdminMenuItem item) =>
        services.AddSingleton(item);
}
