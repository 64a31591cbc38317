using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Accounts;

public abstract class AccountFlowTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_rejected_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        var client = await app.SignedInAsync("admin@a.example.jp", $"/{a}");

        var response = await client.PostAsync($"/{a}/admin/departments",
            new FormUrlEncodedContent([new("name", "偽造された課"), new("level", "Ka")]));
        var logout = await client.PostAsync($"/{a}/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("送信内容を確認できませんでした", (await response.DocumentAsync()).Body!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.False(await app.InTenantAsync(a, db => db.Departments.AnyAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{a}/admin")).StatusCode);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_for_fifteen_minutes()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        await app.CreateUserAsync(a, "editor@a.example.jp", [Roles.MemberEditor]);
        var client = app.Browser();

        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "editor@a.example.jp"), ("password", "wrong-password-" + i));
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }
        var locked = await client.SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "editor@a.example.jp"), ("password", AccountHelpers.Password));

        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("15分間ロック", (await locked.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        var lockoutEnd = await app.InTenantAsync(null, db => db.Users.Where(u => u.Email == "editor@a.example.jp").Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task Password_reset_works_end_to_end_through_the_mail_and_lifts_a_lockout()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        await app.CreateUserAsync(a, "forgetful@a.example.jp", [Roles.MemberEditor]);
        var client = app.Browser();
        for (var i = 0; i < 5; i++)
            await client.SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "forgetful@a.example.jp"), ("password", "nope-nope-" + i));

        var asked = await client.SubmitAsync($"/{a}/account/forgot", $"/{a}/account/forgot", ("email", "forgetful@a.example.jp"));
        var unknown = await client.SubmitAsync($"/{a}/account/forgot", $"/{a}/account/forgot", ("email", "nobody@a.example.jp"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal((await asked.DocumentAsync()).QuerySelector(".notice-box")!.TextContent, (await unknown.DocumentAsync()).QuerySelector(".notice-box")!.TextContent);

        var mail = Assert.Single(app.Mails());
        Assert.Equal("forgetful@a.example.jp", mail.To.Mailboxes.Single().Address);
        Assert.Contains("パスワードの再設定", mail.Subject);
        var link = AccountHelpers.LinkIn(mail);
        Assert.StartsWith($"/{a}/account/reset?", link);

        var mismatch = await client.SubmitAsync(link, $"/{a}/account/reset", Hidden(await client.GetAsync(link), ("password", "brand-new-pass-1"), ("confirm", "different-pass-1")));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("一致しません", (await mismatch.DocumentAsync()).QuerySelector("#error-confirm")!.TextContent);

        var reset = await client.SubmitAsync(link, $"/{a}/account/reset", Hidden(await client.GetAsync(link), ("password", "brand-new-pass-1"), ("confirm", "brand-new-pass-1")));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        await app.SignedInAsync("forgetful@a.example.jp", $"/{a}", "brand-new-pass-1");
        var old = await app.Browser().SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "forgetful@a.example.jp"), ("password", AccountHelpers.Password));
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        var reused = await client.SubmitAsync(link, $"/{a}/account/reset", Hidden(await client.GetAsync(link), ("password", "another-pass-12"), ("confirm", "another-pass-12")));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task A_password_reset_does_not_lift_a_suspension()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        var id = await app.CreateUserAsync(a, "suspended@a.example.jp", [Roles.MemberEditor]);
        var admin = await app.SignedInAsync("admin@a.example.jp", $"/{a}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/{a}/admin/users/{id}/edit", $"/{a}/admin/users/{id}",
            ("displayName", "suspended"), ("roles", Roles.MemberEditor), ("suspended", "true"))).StatusCode);

        var client = app.Browser();
        await client.SubmitAsync($"/{a}/account/forgot", $"/{a}/account/forgot", ("email", "suspended@a.example.jp"));
        var link = AccountHelpers.LinkIn(Assert.Single(app.Mails()));
        var reset = await client.SubmitAsync(link, $"/{a}/account/reset", Hidden(await client.GetAsync(link), ("password", "brand-new-pass-1"), ("confirm", "brand-new-pass-1")));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var login = await app.Browser().SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "suspended@a.example.jp"), ("password", "brand-new-pass-1"));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal(DateTimeOffset.MaxValue, await app.InTenantAsync(null, db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    /// <summary>The hidden fields of a form page (user id and token from the mail link), plus <paramref name="fields"/>.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Hidden(HttpResponseMessage page, params (string Key, string Value)[] fields)
    {
        var doc = TestApp.ParseAsync(page).GetAwaiter().GetResult();
        return doc.QuerySelectorAll("form input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
    }

    [Fact]
    public async Task An_invited_person_confirms_through_the_mail_sets_a_password_and_signs_in_on_their_site_only()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        var b = await app.CreateTenantWithPageAsync("q", "q");
        var unit = await app.CreateDepartmentAsync(a, "市民協働課");
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        var admin = await app.SignedInAsync("admin@a.example.jp", $"/{a}");

        var bad = await admin.SubmitAsync($"/{a}/admin/users/invite", $"/{a}/admin/users", ("displayName", ""), ("email", "not-an-address"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badDoc = await bad.DocumentAsync();
        Assert.Contains("氏名を入力してください", badDoc.QuerySelector("#error-displayName")!.TextContent);
        Assert.Contains("形式が正しくありません", badDoc.QuerySelector("#error-email")!.TextContent);
        Assert.Empty(app.Mails());

        var invited = await admin.SubmitAsync($"/{a}/admin/users/invite", $"/{a}/admin/users",
            ("displayName", "協働 花子"), ("email", "hanako@a.example.jp"), ("roles", Roles.MemberEditor), ("departments", unit.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var list = await (await admin.GetAsync($"/{a}/admin/users")).DocumentAsync();
        Assert.Contains(list.QuerySelectorAll("tbody tr"), tr => tr.TextContent.Contains("協働 花子") && tr.TextContent.Contains("招待中") && tr.TextContent.Contains("市民協働課"));

        // Not usable before the invitation is accepted.
        var early = await app.Browser().SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "hanako@a.example.jp"), ("password", "anything-12345"));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        var mail = Assert.Single(app.Mails());
        var link = AccountHelpers.LinkIn(mail);
        Assert.StartsWith($"/{a}/account/invitation?", link);
        var person = app.Browser();
        var accepted = await person.SubmitAsync(link, $"/{a}/account/invitation", Hidden(await person.GetAsync(link), ("password", "hanako-pass-123"), ("confirm", "hanako-pass-123")));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var hanako = await app.SignedInAsync("hanako@a.example.jp", $"/{a}", "hanako-pass-123");
        Assert.Equal(HttpStatusCode.OK, (await hanako.GetAsync($"/{a}/admin/pages/new")).StatusCode);
        var elsewhere = await app.Browser().SubmitAsync($"/{b}/account/login", $"/{b}/account/login", ("email", "hanako@a.example.jp"), ("password", "hanako-pass-123"));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var again = await person.SubmitAsync(link, $"/{a}/account/invitation", Hidden(await person.GetAsync(link), ("password", "other-pass-1234"), ("confirm", "other-pass-1234")));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task The_login_form_is_never_served_from_the_page_cache_so_each_visitor_gets_their_own_token()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "30" });
        var a = await app.CreateTenantWithPageAsync("p", "p");
        await app.CreateUserAsync(a, "editor@a.example.jp", [Roles.MemberEditor]);

        // A visitor who already holds the antiforgery cookie gets a page that sets no cookie: the cacheable kind.
        var first = app.Browser();
        await first.GetAsync($"/{a}/account/login");
        await first.GetAsync($"/{a}/account/login");

        var second = app.Browser();
        var page = await second.GetAsync($"/{a}/account/login");
        Assert.Contains(page.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(c => c.StartsWith("npo.csrf")));
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync($"/{a}/account/login", $"/{a}/account/login",
            ("email", "editor@a.example.jp"), ("password", AccountHelpers.Password))).StatusCode);
    }

    [Fact]
    public async Task Login_requests_are_rate_limited_per_ip()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["Accounts:RequestsPerMinutePerIp"] = "3" });
        var client = app.Browser();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            codes.Add((await client.SubmitAsync("/account/login", "/account/login", ("email", "x@example.jp"), ("password", "wrong-password"))).StatusCode);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task The_first_administrator_is_created_once_with_the_one_time_code()
    {
        await using var app = await StartAsync();
        var setup = app.Services.GetRequiredService<FirstAdministratorSetup>();
        var code = setup.CurrentCodeForTests;
        Assert.NotNull(code);
        var client = app.Browser();

        var wrong = await client.SubmitAsync("/setup", "/setup", ("code", "AAAA-BBBB-CCCC-DDDD"), ("displayName", "事務局"), ("email", "first@example.jp"), ("password", "first-admin-123"), ("confirm", "first-admin-123"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("初期設定コードが正しくありません", (await wrong.DocumentAsync()).QuerySelector("#error-code")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/chiba/setup")).StatusCode);

        var right = await client.SubmitAsync("/setup", "/setup", ("code", code!.ToLowerInvariant()), ("displayName", "事務局"), ("email", "first@example.jp"), ("password", "first-admin-123"), ("confirm", "first-admin-123"));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
        Assert.Null(setup.CurrentCodeForTests);

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("first@example.jp");
        Assert.True(await users.IsInRoleAsync(admin!, Roles.NetworkAdministrator));
        Assert.StartsWith("AQAAAA", admin!.PasswordHash); // an Identity v3 hash, never the password
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var app = await StartAsync();

        foreach (var url in new[] { "/", "/account/login", "/chiba/", "/no-such-page" })
        {
            var response = await app.CreateClientFor().GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
        var https = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://npo-network.example.jp") }).GetAsync("/");
        Assert.Contains("max-age=", https.Headers.GetValues("Strict-Transport-Security").Single());
    }
}

public sealed class AccountFlowTests_Sqlite() : AccountFlowTests(DatabaseProvider.Sqlite);

public sealed class AccountFlowTests_PostgreSql() : AccountFlowTests(DatabaseProvider.PostgreSql);
