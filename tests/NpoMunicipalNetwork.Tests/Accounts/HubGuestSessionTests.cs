using System.Net;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Accounts;

/// <summary>
/// A member site's user may sign in on the hub (for the boards). That session carries their own tenant, grants
/// no permission on the hub, and counts for nothing on any member site, their own included.
/// </summary>
public abstract class HubGuestSessionTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Staff_without_the_admin_area_land_where_they_can_work_never_on_a_403()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        await app.CreateUserAsync(a, "staff@a.example.jp", [Roles.MemberStaff]);
        await app.CreateUserAsync(a, "editor@a.example.jp", [Roles.MemberEditor]);

        // On the hub, a member site's staff (any role) are guests who came for the boards.
        Assert.Equal("/boards", await LandingAsync(app, "", "staff@a.example.jp"));
        Assert.Equal("/boards", await LandingAsync(app, "", "editor@a.example.jp"));
        // On their own site, member staff land on its home page; an editor on the dashboard.
        Assert.Equal($"/{a}/", await LandingAsync(app, $"/{a}", "staff@a.example.jp"));
        Assert.Equal($"/{a}/admin", await LandingAsync(app, $"/{a}", "editor@a.example.jp"));
    }

    private static async Task<string> LandingAsync(TestApp app, string prefix, string email)
    {
        var client = app.Browser();
        var response = await client.SubmitAsync($"{prefix}/account/login", $"{prefix}/account/login", ("email", email), ("password", AccountHelpers.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var landing = response.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(landing)).StatusCode);
        return landing;
    }

    [Fact]
    public async Task A_member_sites_administrator_signed_in_on_the_hub_has_no_admin_rights_anywhere()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        var b = await app.CreateTenantWithPageAsync("q", "q");
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        var guest = await app.SignedInAsync("admin@a.example.jp"); // on the hub

        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync("/account/password")).StatusCode); // signed in on the hub
        foreach (var url in new[] { "/admin", "/admin/tenants", "/admin/users", "/admin/audit", "/admin/boards", "/admin/boards/moderation" })
            Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync(url)).StatusCode);
        // The hub's cookie also reaches the member sites' paths; there it is ignored: anonymous, sent to log in.
        foreach (var url in new[] { $"/{a}/admin", $"/{a}/admin/users", $"/{b}/admin", $"/{b}/admin/users" })
        {
            var response = await guest.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
        }
        var post = await guest.SubmitAsync("/account/password", "/admin/tenants", ("name", "stolen"), ("displayName", "x"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        // Signing in on their own site still works as before: the site's cookie counts there, in whatever order the two arrive.
        var login = await guest.SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "admin@a.example.jp"), ("password", AccountHelpers.Password));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/{a}/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_signed_in_on_the_hub_keeps_its_rights_on_member_sites()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var secretariat = await app.SignedInAsync("secretariat@example.jp");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/{a}/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync("/admin/boards")).StatusCode);
    }
}

public sealed class HubGuestSessionTests_Sqlite() : HubGuestSessionTests(DatabaseProvider.Sqlite);

public sealed class HubGuestSessionTests_PostgreSql() : HubGuestSessionTests(DatabaseProvider.PostgreSql);
