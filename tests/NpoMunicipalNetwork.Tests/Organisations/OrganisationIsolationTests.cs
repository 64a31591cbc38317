using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Organisations;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Organisations;

/// <summary>
/// An organisation's profile and people are its own: another organisation's person, a member site's staff (on their
/// site or as a guest on the hub), the secretariat and anonymous visitors neither read nor change them.
/// </summary>
public abstract class OrganisationIsolationTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Nobody_outside_the_organisation_reads_or_changes_its_profile_or_members()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        var (org, owner) = await app.CreateAsync("owner@npo.example.jp", "守られる団体");
        var (_, member) = await app.CreateAsync("member@npo.example.jp", role: OrganisationRole.Member, organisationId: org);
        await app.CreateAsync("other@other.example.jp", "別の団体");
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var invitation = await app.InTenantAsync(null, async db =>
        {
            var i = new OrganisationInvitation
            {
                OrganisationId = org, Email = "x@npo.example.jp", NormalizedEmail = "X@NPO.EXAMPLE.JP", TokenHash = OrganisationInvitation.Hash("t"),
                CreatedUtc = DateTime.UtcNow, ExpiresUtc = DateTime.UtcNow.AddDays(7),
            };
            db.OrganisationInvitations.Add(i);
            await db.SaveChangesAsync();
            return i.Id;
        });
        var before = await app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.TargetType == "Organisation"));

        var actors = new Dictionary<string, (HttpClient Client, HttpStatusCode Expected)>
        {
            ["anonymous"] = (app.Browser(), HttpStatusCode.Redirect),
            ["another organisation"] = (await app.OrganisationSignedInAsync("other@other.example.jp"), HttpStatusCode.NotFound),
            ["member site staff"] = (await app.SignedInAsync("admin@a.example.jp", $"/{a}"), HttpStatusCode.Redirect), // anonymous on the hub's paths
            ["member site staff as a hub guest"] = (await app.SignedInAsync("admin@a.example.jp"), HttpStatusCode.NotFound),
            ["secretariat"] = (await app.SignedInAsync("secretariat@example.jp"), HttpStatusCode.NotFound),
        };
        var home = $"/organisations/{org}";
        var reads = new[] { home, $"{home}/profile", $"{home}/invite" };
        var writes = new (string Url, (string, string)[] Fields)[]
        {
            ($"{home}/profile", OrganisationTestData.ValidProfile(("name", "乗っ取り")).ToArray()),
            ($"{home}/invite", [("email", "intruder@evil.example.jp"), ("role", "Editor")]),
            ($"{home}/members/{member}/remove", []),
            ($"{home}/members/{member}/role", [("role", "Owner")]),
            ($"{home}/members/{owner}/transfer", []),
            ($"{home}/invitations/{invitation}/cancel", []),
            ($"{home}/leave", []),
        };

        var mismatches = new List<string>();
        foreach (var (name, (client, expected)) in actors)
        {
            foreach (var url in reads)
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode != expected)
                    mismatches.Add($"GET {url} as {name}: {response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                    Assert.StartsWith("/organisations/login?returnUrl=", response.Headers.Location!.OriginalString);
                else
                    Assert.DoesNotContain("守られる団体", await response.Content.ReadAsStringAsync());
            }
            foreach (var (url, fields) in writes)
            {
                var response = await client.SubmitAsync("/organisations/login", url, fields);
                if (response.StatusCode != expected)
                    mismatches.Add($"POST {url} as {name}: {response.StatusCode}");
            }
            // A member site has no organisation pages at all.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{a}{home}")).StatusCode);
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));

        Assert.Equal("守られる団体", (await app.OrganisationAsync(org)).Name);
        Assert.Equal(new[] { (owner, OrganisationRole.Owner), (member, OrganisationRole.Member) }, await app.MembersAsync(org));
        Assert.Equal([invitation], await app.InTenantAsync(null, db => db.OrganisationInvitations.Select(i => i.Id).ToListAsync()));
        Assert.Equal(before, await app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.TargetType == "Organisation")));
        Assert.Empty(app.Mails().Where(m => m.Subject.Contains("への招待")));
    }

    [Fact]
    public async Task An_organisation_session_is_recognised_on_a_member_site_but_never_as_staff()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        await app.CreateAsync("npo@npo.example.jp");
        var npo = await app.OrganisationSignedInAsync("npo@npo.example.jp");

        foreach (var url in new[] { $"/{a}/admin", $"/{a}/admin/pages", $"/{a}/admin/users", $"/{a}/admin/api-keys" })
            Assert.Equal(HttpStatusCode.Forbidden, (await npo.GetAsync(url)).StatusCode);
        // The member site's staff sign-in turns the organisation account away like any address not of that site.
        var login = await app.Browser().SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "npo@npo.example.jp"), ("password", AccountHelpers.Password));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }
}

public sealed class OrganisationIsolationTests_Sqlite() : OrganisationIsolationTests(DatabaseProvider.Sqlite);

public sealed class OrganisationIsolationTests_PostgreSql() : OrganisationIsolationTests(DatabaseProvider.PostgreSql);
