using System.IO.Compression;
using System.Net;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Forums;

/// <summary>Materials: public ones for everyone and in the ZIP; member-only ones only for signed-in staff of the hub or a member's site.</summary>
public abstract class ForumMaterialTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static async Task<(int Public, int MembersOnly)> AddMaterialsAsync(TestApp app, int forumId) =>
        await app.InTenantAsync(null, async db =>
        {
            var pub = new ForumMaterial { ForumId = forumId, Title = "公開資料", Url = "https://example.jp/public.pdf", Order = 1 };
            var mem = new ForumMaterial { ForumId = forumId, Title = "会員資料", Url = "https://example.jp/secret-members.pdf", IsMemberOnly = true, Order = 2 };
            db.ForumMaterials.AddRange(pub, mem);
            await db.SaveChangesAsync();
            return (pub.Id, mem.Id);
        });

    [Fact]
    public async Task Member_only_materials_are_refused_to_the_public_and_open_for_member_staff()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var forumId = await app.CreateOpenForumAsync(7, capacity: null);
        var (pub, mem) = await AddMaterialsAsync(app, forumId);
        var outsider = await app.CreateTenantWithPageAsync("p", "p"); // a site with no membership
        await app.CreateUserAsync("hub", "hub-staff@example.jp", [Roles.MemberStaff]);
        await app.CreateUserAsync("chiba", "staff@chiba.example.jp", [Roles.MemberStaff]);
        await app.CreateUserAsync(outsider, "staff@outsider.example.jp", [Roles.MemberEditor]);

        var anonymous = app.Browser();
        var publicOne = await anonymous.GetAsync($"/forums/materials/{pub}");
        Assert.Equal(HttpStatusCode.Redirect, publicOne.StatusCode);
        Assert.Equal("https://example.jp/public.pdf", publicOne.Headers.Location!.OriginalString);

        foreach (var url in new[] { $"/forums/materials/{mem}", $"/chiba/forums/materials/{mem}" })
        {
            var refused = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("会員団体の職員の方だけが閲覧できます", body);
            Assert.DoesNotContain("secret-members", body);
            Assert.Null(refused.Headers.Location);
        }
        // The list page never shows the address of a member-only material.
        Assert.DoesNotContain("secret-members", await anonymous.GetStringAsync("/forums/7/materials"));

        var hub = await app.SignedInAsync("hub-staff@example.jp");
        Assert.Equal("https://example.jp/secret-members.pdf", (await hub.GetAsync($"/forums/materials/{mem}")).Headers.Location!.OriginalString);
        var member = await app.SignedInAsync("staff@chiba.example.jp", "/chiba");
        var fromOwnSite = await member.GetAsync($"/chiba/forums/materials/{mem}");
        Assert.Equal(HttpStatusCode.Redirect, fromOwnSite.StatusCode);
        Assert.Contains("private", fromOwnSite.Headers.CacheControl!.ToString());
        // Signed in on chiba means anonymous on the hub (path-scoped cookie), and a non-member site's staff are refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/forums/materials/{mem}")).StatusCode);
        var other = await app.SignedInAsync("staff@outsider.example.jp", $"/{outsider}");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/{outsider}/forums/materials/{mem}")).StatusCode);
        // Public materials are the hub's pages, not members' sites'.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/chiba/forums/materials/{pub}")).StatusCode);
    }

    [Fact]
    public async Task The_ZIP_holds_every_public_material_and_no_member_only_one()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var forumId = await app.CreateOpenForumAsync(7, capacity: null);
        await AddMaterialsAsync(app, forumId);
        var response = await app.CreateClientFor().GetAsync("/forums/7/materials.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("資料一覧.txt", names);
        Assert.Contains("01_公開資料.url", names);
        Assert.Equal(2, names.Count);
        using var reader = new StreamReader(zip.GetEntry("資料一覧.txt")!.Open());
        var index = await reader.ReadToEndAsync();
        Assert.Contains("https://example.jp/public.pdf", index);
        Assert.DoesNotContain("secret-members", index);
    }
}

public sealed class ForumMaterialTests_Sqlite() : ForumMaterialTests(DatabaseProvider.Sqlite);

public sealed class ForumMaterialTests_PostgreSql() : ForumMaterialTests(DatabaseProvider.PostgreSql);
