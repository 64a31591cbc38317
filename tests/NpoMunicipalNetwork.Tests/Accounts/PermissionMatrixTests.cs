using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Reports;
using NpoMunicipalNetwork.Cases;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accessibility;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Api.Keys;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Home;
using NpoMunicipalNetwork.Tests.Infrastructure;
using NpoMunicipalNetwork.Webhooks;

namespace NpoMunicipalNetwork.Tests.Accounts;

/// <summary>
/// Every admin endpoint × every kind of actor, on resources of tenant A. Expected: 200 allowed,
/// 302 to the login page when not signed in on that site (the sign-in cookie of a member's staff is
/// scoped to their site's path, so on another site they are anonymous), 403 signed in but not allowed,
/// 404 for another tenant's ids. A stolen cookie replayed on another site is a 403 (see below).
/// New admin endpoints join this matrix as features land.
/// </summary>
public abstract class PermissionMatrixTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Actors =
        [Anonymous, "staffA", "editorOwnA", "editorOtherA", "editorB", "siteAdminA", "forumA", "netAdmin"];

    private sealed record World(TestApp App, string A, string B, int UnitX, int UnitY, int PageX, int PageOfB, int UserOfA, int UserOfB, int UnitOfB, Dictionary<string, HttpClient> Clients,
        int ForumX = 0, int ForumY = 0, int CaseX = 0, int CaseOfB = 0, int Category = 0, int ReportX = 0, int ReportOfB = 0, int WebhookX = 0, int WebhookOfB = 0);

    private async Task<World> BuildAsync()
    {
        var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("a-page", "Aのページ");
        var b = await app.CreateTenantWithPageAsync("b-page", "Bのページ");
        await app.PublishWithoutApprovalAsync(a);
        var unitX = await app.CreateDepartmentAsync(a, "X課");
        var unitY = await app.CreateDepartmentAsync(a, "Y課");
        var unitB = await app.CreateDepartmentAsync(b, "B課");
        var pageX = await app.CreateOwnedPageAsync(a, "owned-by-x", unitX);
        var pageOfB = await app.CreateOwnedPageAsync(b, "owned-by-b", unitB);
        async Task<int> Case(string tenant, int unit) => await app.InTenantAsync(tenant, async db =>
        {
            var c = new NpoMunicipalNetwork.Cases.PolicyCase
            {
                Title = "事例", Summary = "概要", Activities = "取組", StartFiscalYear = 2008, RelationshipType = NpoMunicipalNetwork.Cases.RelationshipType.Support,
                OwnerDepartmentId = unit, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.PolicyCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var caseX = await Case(a, unitX);
        var caseOfB = await Case(b, unitB);
        async Task<int> Report(string tenant, int unit) => await app.InTenantAsync(tenant, async db =>
        {
            var r = new NpoMunicipalNetwork.Reports.Report
            {
                Title = "報告書", Summary = "概要", Authors = "著者", FiscalYear = 2024, OwnerDepartmentId = unit, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Reports.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var reportX = await Report(a, unitX);
        var reportOfB = await Report(b, unitB);
        var userOfA = await app.CreateUserAsync(a, "staff@a.example.jp", [Roles.MemberStaff]);
        await app.CreateUserAsync(a, "editor-own@a.example.jp", [Roles.MemberEditor], [unitX]);
        await app.CreateUserAsync(a, "editor-other@a.example.jp", [Roles.MemberEditor], [unitY]);
        var userOfB = await app.CreateUserAsync(b, "editor@b.example.jp", [Roles.MemberEditor, Roles.SiteAdministrator], [unitB]);
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        var organiserOfA = await app.CreateUserAsync(a, "forum@a.example.jp", [Roles.ForumOrganizer]);
        // Forum X is assigned to A's organiser, forum Y to nobody.
        var forumX = await NpoMunicipalNetwork.Tests.Forums.ForumTestData.CreateOpenForumAsync(app, 7, capacity: 10);
        var forumY = await NpoMunicipalNetwork.Tests.Forums.ForumTestData.CreateOpenForumAsync(app, 8, capacity: 10);
        await app.InTenantAsync(null, async db =>
        {
            db.ForumOrganizers.Add(new NpoMunicipalNetwork.Forums.ForumOrganizerAssignment { ForumId = forumX, UserId = organiserOfA, AssignedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);

        var clients = new Dictionary<string, HttpClient>
        {
            [Anonymous] = app.Browser(),
            ["staffA"] = await app.SignedInAsync("staff@a.example.jp", $"/{a}"),
            ["editorOwnA"] = await app.SignedInAsync("editor-own@a.example.jp", $"/{a}"),
            ["editorOtherA"] = await app.SignedInAsync("editor-other@a.example.jp", $"/{a}"),
            ["editorB"] = await app.SignedInAsync("editor@b.example.jp", $"/{b}"),
            ["siteAdminA"] = await app.SignedInAsync("admin@a.example.jp", $"/{a}"),
            ["forumA"] = await app.SignedInAsync("forum@a.example.jp", $"/{a}"),
            ["netAdmin"] = await app.SignedInAsync("secretariat@example.jp"),
        };
        var category = await app.InTenantAsync(null, async db =>
        {
            var c = new NpoMunicipalNetwork.Boards.BoardCategory { Slug = "liaison", Name = "連絡会議", Visibility = NpoMunicipalNetwork.Boards.BoardVisibility.PrivateGroup };
            db.BoardCategories.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        async Task<int> Webhook(string tenant) => await app.InTenantAsync(tenant, async db =>
        {
            var s = new NpoMunicipalNetwork.Webhooks.WebhookSubscription { Url = "https://hooks.example.jp/" + tenant, Events = ",case.published,", ProtectedSecret = "x", SecretHint = "x" };
            db.WebhookSubscriptions.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var webhookX = await Webhook(a);
        var webhookOfB = await Webhook(b);
        return new World(app, a, b, unitX, unitY, pageX, pageOfB, userOfA, userOfB, unitB, clients, forumX, forumY, caseX, caseOfB, category, reportX, reportOfB,
            webhookX, webhookOfB);
    }

    // Expected codes per actor, in the order of Actors.
    private static int[] Row(params int[] codes) => codes;

    /// <summary>Every admin page and what each actor of <see cref="Actors"/> gets, in that order.</summary>
    private static (string Url, int[] Expected)[] Matrix(World w)
    {
        var a = $"/{w.A}";
        //                                         anon staffA own  other edB  siteA forum net
        return new (string Url, int[] Expected)[]
        {
            ($"{a}/admin",                          Row(302, 403, 200, 200, 302, 200, 200, 200)),
            ($"{a}/admin/pages",                    Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/pages/new",                Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/pages/{w.PageX}/edit",     Row(302, 403, 200, 403, 302, 200, 403, 200)),
            ($"{a}/admin/pages/{w.PageX}/delete",   Row(302, 403, 200, 403, 302, 200, 403, 200)),
            ($"{a}/admin/pages/{w.PageOfB}/edit",   Row(302, 403, 404, 404, 302, 404, 403, 404)),
            ($"{a}/admin/menu",                     Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/home",                     Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ("/admin/menu",                         Row(302, 302, 302, 302, 302, 302, 302, 404)), // the hub's menu is fixed
            ("/admin/home",                         Row(302, 302, 302, 302, 302, 302, 302, 404)),
            ($"{a}/admin/accessibility",            Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ("/admin/accessibility",                Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ($"{a}/admin/cases/import",              Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/cases/import/template.xlsx", Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/cases/import/template.csv", Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/cases/import/{Guid.NewGuid()}", Row(302, 403, 404, 404, 302, 404, 403, 404)),
            ($"{a}/admin/departments",              Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/departments/new",          Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/departments/{w.UnitX}/edit",  Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/departments/{w.UnitX}/merge", Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/departments/{w.UnitOfB}/edit", Row(302, 403, 403, 403, 302, 404, 403, 404)),
            ($"{a}/admin/users",                    Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/users/invite",             Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/users/{w.UserOfA}/edit",   Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/users/{w.UserOfB}/edit",   Row(302, 403, 403, 403, 302, 404, 403, 404)),
            ($"{a}/admin/pages/{w.PageX}",          Row(302, 403, 200, 403, 302, 200, 403, 200)),
            ($"{a}/admin/approvals",                Row(302, 403, 200, 200, 302, 200, 200, 200)),
            ($"{a}/admin/cases",                    Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/cases/new",                Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/cases/{w.CaseX}",          Row(302, 403, 200, 403, 302, 200, 403, 200)),
            ($"{a}/admin/cases/{w.CaseX}/edit",     Row(302, 403, 200, 403, 302, 200, 403, 200)),
            ($"{a}/admin/cases/{w.CaseX}/delete",   Row(302, 403, 200, 403, 302, 200, 403, 200)),
            ($"{a}/admin/cases/{w.CaseOfB}/edit",   Row(302, 403, 404, 404, 302, 404, 403, 404)),
            ($"{a}/admin/cases/{w.CaseOfB}",        Row(302, 403, 404, 404, 302, 404, 403, 404)),
            ("/admin/cases",                        Row(302, 302, 302, 302, 302, 302, 302, 404)),
            ($"{a}/admin/news",                     Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/news/new",                 Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ("/admin/news",                         Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ($"{a}/admin/feedback",                 Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/reports",                  Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/reports/new",              Row(302, 403, 200, 200, 302, 200, 403, 200)),
            ($"{a}/admin/reports/{w.ReportX}",      Row(302, 403, 200, 403, 302, 200, 403, 200)),
            ($"{a}/admin/reports/{w.ReportX}/edit", Row(302, 403, 200, 403, 302, 200, 403, 200)),
            ($"{a}/admin/reports/{w.ReportX}/delete", Row(302, 403, 200, 403, 302, 200, 403, 200)),
            ($"{a}/admin/reports/{w.ReportOfB}/edit", Row(302, 403, 404, 404, 302, 404, 403, 404)),
            ($"{a}/admin/reports/{w.ReportOfB}",    Row(302, 403, 404, 404, 302, 404, 403, 404)),
            ("/admin/reports",                      Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/reports/new",                  Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ($"{a}/admin/routes",                   Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/routes/new",               Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/notation",                 Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ($"{a}/admin/vocabulary",               Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ($"{a}/admin/tenants",                  Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ($"{a}/admin/members",                  Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ($"{a}/admin/search",                   Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ($"{a}/admin/audit",                    Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/audit.csv",                Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/boards",                   Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ($"{a}/admin/boards/moderation",        Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ($"{a}/admin/api-keys",                 Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/api-keys/new",             Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/api-keys/999999/revoke",   Row(302, 403, 403, 403, 302, 404, 403, 404)),
            ("/admin/api-keys",                     Row(302, 302, 302, 302, 302, 302, 302, 404)), // keys belong to member sites
            ("/admin",                              Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/tenants",                      Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/tenants/new",                  Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ($"/admin/tenants/{w.A}/edit",          Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/members",                      Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/members/120006/edit",          Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/users",                        Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/notation",                     Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/vocabulary",                   Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/search",                       Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/routes",                       Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/audit",                        Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/audit.csv",                    Row(302, 302, 302, 302, 302, 302, 302, 200)),
            // Forums: the organiser of A runs forum X only, from A's admin area; the secretariat creates and assigns on the hub.
            ($"{a}/admin/forums",                           Row(302, 403, 403, 403, 302, 403, 200, 200)),
            ($"{a}/admin/forums/new",                       Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ($"{a}/admin/forums/{w.ForumX}/edit",           Row(302, 403, 403, 403, 302, 403, 200, 200)),
            ($"{a}/admin/forums/{w.ForumX}/sessions",       Row(302, 403, 403, 403, 302, 403, 200, 200)),
            ($"{a}/admin/forums/{w.ForumX}/sessions/new",   Row(302, 403, 403, 403, 302, 403, 200, 200)),
            ($"{a}/admin/forums/{w.ForumX}/materials",      Row(302, 403, 403, 403, 302, 403, 200, 200)),
            ($"{a}/admin/forums/{w.ForumX}/report",         Row(302, 403, 403, 403, 302, 403, 200, 200)),
            ($"{a}/admin/forums/{w.ForumX}/registrations",  Row(302, 403, 403, 403, 302, 403, 200, 200)),
            ($"{a}/admin/forums/{w.ForumX}/registrations.csv", Row(302, 403, 403, 403, 302, 403, 200, 200)),
            ($"{a}/admin/forums/{w.ForumX}/organizers",     Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ($"{a}/admin/forums/{w.ForumY}/edit",           Row(302, 403, 403, 403, 302, 403, 404, 200)),
            ($"{a}/admin/forums/{w.ForumY}/sessions",       Row(302, 403, 403, 403, 302, 403, 404, 200)),
            ($"{a}/admin/forums/{w.ForumY}/materials",      Row(302, 403, 403, 403, 302, 403, 404, 200)),
            ($"{a}/admin/forums/{w.ForumY}/report",         Row(302, 403, 403, 403, 302, 403, 404, 200)),
            ($"{a}/admin/forums/{w.ForumY}/registrations",  Row(302, 403, 403, 403, 302, 403, 404, 200)),
            ($"{a}/admin/forums/{w.ForumY}/registrations.csv", Row(302, 403, 403, 403, 302, 403, 404, 200)),
            ("/admin/forums",                               Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/forums/new",                           Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ($"/admin/forums/{w.ForumY}/edit",              Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ($"/admin/forums/{w.ForumY}/organizers",        Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ($"/admin/forums/{w.ForumY}/registrations.csv", Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/cases/import",                 Row(302, 302, 302, 302, 302, 302, 302, 404)), // the hub owns no cases
            ("/admin/boards",                       Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/boards/new",                   Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ($"/admin/boards/{w.Category}/edit",    Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ($"/admin/boards/{w.Category}/members", Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/boards/moderation",            Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ("/admin/boards/999999/edit",           Row(302, 302, 302, 302, 302, 302, 302, 404)),
            ("/admin/boards/posts/999999",          Row(302, 302, 302, 302, 302, 302, 302, 404)),
            // Open data: the secretariat on the hub only. Webhooks: each site's administrators, their own site's subscriptions only.
            ($"{a}/admin/opendata",                 Row(302, 403, 403, 403, 302, 403, 403, 403)),
            ("/admin/opendata",                     Row(302, 302, 302, 302, 302, 302, 302, 200)),
            ($"{a}/admin/webhooks",                 Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/webhooks/{w.WebhookX}",    Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/webhooks/{w.WebhookX}/delete", Row(302, 403, 403, 403, 302, 200, 403, 200)),
            ($"{a}/admin/webhooks/{w.WebhookOfB}",  Row(302, 403, 403, 403, 302, 404, 403, 404)),
            ($"{a}/admin/webhooks/{w.WebhookOfB}/delete", Row(302, 403, 403, 403, 302, 404, 403, 404)),
            ("/admin/webhooks",                     Row(302, 302, 302, 302, 302, 302, 302, 200)),
        };
    }

    [Fact]
    public async Task Every_admin_page_answers_each_actor_as_expected()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var matrix = Matrix(w);

        var mismatches = new List<string>();
        foreach (var (url, expected) in matrix)
            for (var i = 0; i < Actors.Length; i++)
            {
                var response = await w.Clients[Actors[i]].GetAsync(url);
                var actual = (int)response.StatusCode;
                if (actual != expected[i])
                    mismatches.Add($"{url} as {Actors[i]}: expected {expected[i]}, got {actual}");
                if (actual == 302)
                    Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
            }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>
    /// An organisation account (an NPO's person, signed in on the hub, whose cookie every site's path receives) is
    /// refused on every admin page of every site: wherever staff are allowed, it gets a 403, and never a page.
    /// </summary>
    [Fact]
    public async Task An_organisation_account_is_refused_on_every_admin_page()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        await NpoMunicipalNetwork.Tests.Organisations.OrganisationTestData.CreateAsync(w.App, "npo@npo.example.jp");
        var npo = await NpoMunicipalNetwork.Tests.Organisations.OrganisationTestData.OrganisationSignedInAsync(w.App, "npo@npo.example.jp");

        var mismatches = new List<string>();
        foreach (var (url, _) in Matrix(w))
        {
            var actual = (int)(await npo.GetAsync(url)).StatusCode;
            if (actual != 403)
                mismatches.Add($"{url} as an organisation account: expected 403, got {actual}");
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));

        // Writes too: an API key, a department, a user, a page — with a valid token of its own session.
        var a = $"/{w.A}";
        async Task<HttpStatusCode> Post(string url, params (string, string)[] fields) => (await npo.SubmitAsync("/organisations/login", url, fields)).StatusCode;
        Assert.Equal(HttpStatusCode.Forbidden, await Post($"{a}/admin/api-keys", ("name", "団体の鍵"), ("scopes", "write:cases")));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("/admin/tenants", ("name", "npo-site"), ("displayName", "x")));
        Assert.Equal(HttpStatusCode.Forbidden, await Post($"{a}/admin/departments", ("name", "団体の課"), ("level", "Ka")));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("/admin/users", ("displayName", "x"), ("email", "x@npo.example.jp"), ("roles", Roles.NetworkAdministrator)));
        Assert.Equal(HttpStatusCode.Forbidden, await Post($"{a}/admin/pages/{w.PageX}/delete"));
        Assert.False(await w.App.InTenantAsync(w.A, db => db.ApiKeys.AnyAsync()));
        Assert.False(await w.App.InTenantAsync(null, db => db.Tenants.AnyAsync(t => t.Name == "npo-site")));
        Assert.False(await w.App.InTenantAsync(w.A, db => db.Departments.AnyAsync(d => d.Name == "団体の課")));
        Assert.False(await w.App.InTenantAsync(null, db => db.Users.AnyAsync(u => u.Email == "x@npo.example.jp")));
        Assert.True(await w.App.InTenantAsync(w.A, db => db.Pages.AnyAsync(p => p.Id == w.PageX)));
    }

    [Fact]
    public async Task Writes_are_refused_to_actors_who_may_not_make_them_and_nothing_changes()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var a = $"/{w.A}";
        var editForm = $"{a}/admin/pages/{w.PageX}/edit";

        // Someone who may open a form elsewhere posts to A's page with their own valid token.
        async Task<HttpStatusCode> PostAs(string actor, string formUrl, string postUrl, params (string, string)[] fields)
        {
            var client = w.Clients[actor];
            var tokenSource = actor switch { "editorB" => $"/{w.B}/account/password", "netAdmin" => "/account/password", _ => $"{a}/account/password" };
            var page = await client.GetAsync(formUrl);
            var form = page.StatusCode == HttpStatusCode.OK ? formUrl : tokenSource;
            return (await client.SubmitAsync(form, postUrl, fields)).StatusCode;
        }

        var pageFields = new[] { ("title", "改ざん"), ("slug", "owned-by-x"), ("owner", w.UnitY.ToString()), ("version", "0"), ("body", "x") };
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("editorOtherA", editForm, $"{a}/admin/pages/{w.PageX}", pageFields));
        Assert.Equal(HttpStatusCode.Redirect, await PostAs("editorB", editForm, $"{a}/admin/pages/{w.PageX}", pageFields));
        Assert.Equal(HttpStatusCode.Redirect, await PostAs("editorB", editForm, $"{a}/admin/pages/{w.PageX}/delete"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("editorOwnA", $"{a}/admin/departments/new", $"{a}/admin/departments", ("name", "勝手な課"), ("level", "Ka")));
        Assert.Equal(HttpStatusCode.Redirect, await PostAs("editorB", $"{a}/admin/users/invite", $"{a}/admin/users", ("displayName", "x"), ("email", "x@b.example.jp")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("staffA", $"{a}/admin/users/invite", $"{a}/admin/users", ("displayName", "x"), ("email", "x@b.example.jp")));
        Assert.Equal(HttpStatusCode.Redirect, await PostAs("siteAdminA", "/admin/tenants/new", "/admin/tenants", ("name", "stolen"), ("displayName", "x")));
        Assert.Equal(HttpStatusCode.NotFound, await PostAs("siteAdminA", $"{a}/admin/users/{w.UserOfB}/edit", $"{a}/admin/users/{w.UserOfB}", ("displayName", "乗っ取り")));
        Assert.Equal(HttpStatusCode.NotFound, await PostAs("siteAdminA", $"{a}/admin/pages/{w.PageOfB}/edit", $"{a}/admin/pages/{w.PageOfB}/delete"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("staffA", $"{a}/admin/cases/import", $"{a}/admin/cases/import"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("forumA", $"{a}/admin/cases/import", $"{a}/admin/cases/import"));
        Assert.Equal(HttpStatusCode.Redirect, await PostAs("editorB", $"{a}/admin/cases/import", $"{a}/admin/cases/import"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAs("editorOwnA", $"{a}/admin/cases/import", $"{a}/admin/cases/import")); // allowed, but no file
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("editorOwnA", $"{a}/admin/api-keys", $"{a}/admin/api-keys", ("name", "勝手な鍵"), ("scopes", "write:cases")));
        Assert.Equal(HttpStatusCode.Redirect, await PostAs("editorB", $"{a}/admin/api-keys", $"{a}/admin/api-keys", ("name", "勝手な鍵"), ("scopes", "write:cases")));
        Assert.False(await w.App.InTenantAsync(w.A, db => db.ApiKeys.AnyAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("staffA", $"{a}/admin/menu", $"{a}/admin/menu", ($"parent-{w.PageX}", "")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("editorOtherA", $"{a}/admin/menu", $"{a}/admin/menu", ($"order-{w.PageX}", "99")));
        Assert.Equal(HttpStatusCode.Redirect, await PostAs("editorB", $"{a}/admin/menu", $"{a}/admin/menu", ($"order-{w.PageX}", "99")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("staffA", $"{a}/admin/home", $"{a}/admin/home/links", ("rows", "1"), ("title-0", "x"), ("url-0", "https://x.example/")));
        Assert.Equal(HttpStatusCode.Redirect, await PostAs("editorB", $"{a}/admin/home", $"{a}/admin/home/links", ("rows", "1"), ("title-0", "x"), ("url-0", "https://x.example/")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("siteAdminA", $"{a}/admin/accessibility", $"{a}/admin/accessibility/checker-runs"));
        Assert.Equal(HttpStatusCode.Redirect, await PostAs("siteAdminA", "/admin/accessibility", "/admin/accessibility/checker-runs"));
        Assert.Equal(0, await w.App.InTenantAsync(w.A, db => db.Pages.Where(p => p.Id == w.PageX).Select(p => p.Order).SingleAsync()));
        Assert.False(await w.App.InTenantAsync(w.A, db => db.HomeLinks.AnyAsync()));
        Assert.False(await w.App.InTenantAsync(null, db => db.AccessibilityRuns.AnyAsync()));

        var forumFields = new[] { ("title", "乗っ取り資料"), ("url", "https://example.jp/x.pdf"), ("scope", "public") };
        Assert.Equal(HttpStatusCode.NotFound, await PostAs("forumA", $"{a}/admin/forums/{w.ForumX}/materials", $"{a}/admin/forums/{w.ForumY}/materials", forumFields));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("siteAdminA", $"{a}/admin/forums/{w.ForumX}/materials", $"{a}/admin/forums/{w.ForumX}/materials", forumFields));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("forumA", $"{a}/admin/forums", $"{a}/admin/forums/{w.ForumX}/organizers", ("email", "forum@a.example.jp")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAs("forumA", $"{a}/admin/forums", $"{a}/admin/forums", ("edition", "20"), ("fiscalYear", "2030"), ("title", "勝手"), ("status", "Planned")));
        Assert.Equal(HttpStatusCode.Redirect, await PostAs("editorB", $"{a}/admin/forums", $"{a}/admin/forums/{w.ForumX}/materials", forumFields));
        Assert.False(await w.App.InTenantAsync(null, db => db.ForumMaterials.AnyAsync()));
        Assert.False(await w.App.InTenantAsync(null, db => db.Forums.AnyAsync(f => f.Edition == 20)));

        var pageX = await w.App.InTenantAsync(w.A, db => db.Pages.SingleAsync(p => p.Id == w.PageX));
        Assert.Equal("owned-by-x", pageX.Title);
        Assert.Equal(w.UnitX, pageX.OwnerDepartmentId);
        Assert.False(await w.App.InTenantAsync(w.A, db => db.Departments.AnyAsync(d => d.Name == "勝手な課")));
        Assert.False(await w.App.InTenantAsync(null, db => db.Users.AnyAsync(u => u.Email == "x@b.example.jp")));
        Assert.False(await w.App.InTenantAsync(null, db => db.Tenants.AnyAsync(t => t.Name == "stolen")));
        Assert.Equal("editor", await w.App.InTenantAsync(null, db => db.Users.Where(u => u.Id == w.UserOfB).Select(u => u.DisplayName).SingleAsync()));
        Assert.True(await w.App.InTenantAsync(w.B, db => db.Pages.AnyAsync(p => p.Id == w.PageOfB)));

        // And the allowed editor can make the same change.
        var ok = await w.Clients["editorOwnA"].SubmitAsync(editForm, $"{a}/admin/pages/{w.PageX}",
            ("title", "正しい更新"), ("slug", "owned-by-x"), ("owner", w.UnitX.ToString()), ("version", "0"), ("body", "更新"), ("action", "publish"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("正しい更新", await w.App.InTenantAsync(w.A, db => db.Pages.Where(p => p.Id == w.PageX).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_sign_in_cookie_of_site_B_replayed_on_site_A_is_forbidden()
    {
        var w = await BuildAsync();
        await using var _ = w.App;

        // Sign in on B by hand to hold the raw cookie, then present it to A, as a thief would.
        var raw = w.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var loginPage = await raw.GetAsync($"/{w.B}/account/login");
        var antiforgeryCookie = loginPage.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("npo.csrf")).Split(';')[0];
        var token = (await loginPage.DocumentAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var login = new HttpRequestMessage(HttpMethod.Post, $"/{w.B}/account/login")
        {
            Content = new FormUrlEncodedContent([new("email", "editor@b.example.jp"), new("password", AccountHelpers.Password), new("__RequestVerificationToken", token)]),
        };
        login.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await raw.SendAsync(login);
        var authCookie = signedIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("npo.auth"));
        Assert.Contains($"path=/{w.B}", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", authCookie, StringComparison.OrdinalIgnoreCase);

        foreach (var url in new[] { $"/{w.A}/admin", $"/{w.A}/admin/pages", $"/{w.A}/admin/users", "/admin/tenants" })
        {
            var replay = new HttpRequestMessage(HttpMethod.Get, url);
            replay.Headers.Add("Cookie", authCookie.Split(';')[0]);
            Assert.Equal(HttpStatusCode.Forbidden, (await raw.SendAsync(replay)).StatusCode);
        }
        var own = new HttpRequestMessage(HttpMethod.Get, $"/{w.B}/admin/users");
        own.Headers.Add("Cookie", authCookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await raw.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task Staff_of_one_site_cannot_sign_in_on_another()
    {
        var w = await BuildAsync();
        await using var _ = w.App;

        var response = await w.App.Browser().SubmitAsync($"/{w.B}/account/login", $"/{w.B}/account/login",
            ("email", "admin@a.example.jp"), ("password", AccountHelpers.Password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません", (await response.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
    }
}

public sealed class PermissionMatrixTests_Sqlite() : PermissionMatrixTests(DatabaseProvider.Sqlite);

public sealed class PermissionMatrixTests_PostgreSql() : PermissionMatrixTests(DatabaseProvider.PostgreSql);
