using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Organisations;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Organisations;

/// <summary>Sign-up, the mailed confirmation, and each kind of account on its own sign-in page.</summary>
public abstract class OrganisationSignUpTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly (string, string)[] SignUpFields =
        [("organisationName", "特定非営利活動法人みらいネット"), ("displayName", "山田花子"), ("email", "hanako@npo.example.jp"), ("password", "mirai-password-1"), ("confirm", "mirai-password-1")];

    [Fact]
    public async Task Sign_up_confirm_by_mail_sign_in_and_edit_the_profile()
    {
        await using var app = await StartAsync();
        var client = app.Browser();

        var signedUp = await client.SubmitAsync("/organisations/signup", "/organisations/signup", SignUpFields);
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.Equal("/organisations/signup/sent", signedUp.Headers.Location!.OriginalString);

        // Not usable before the address is confirmed.
        var early = await client.SubmitAsync("/organisations/login", "/organisations/login", ("email", "hanako@npo.example.jp"), ("password", "mirai-password-1"));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("メールアドレスの確認が済んでいません", await early.ErrorsAsync());

        var mail = Assert.Single(app.Mails(), m => m.Subject.Contains("メールアドレスの確認"));
        Assert.Equal("hanako@npo.example.jp", mail.To.Mailboxes.Single().Address);
        var link = AccountHelpers.LinkIn(mail);
        Assert.StartsWith("/organisations/confirm?", link);
        var confirmPage = await client.GetAsync(link);
        var confirmForm = await confirmPage.DocumentAsync();
        var confirmed = await client.SubmitAsync(link, "/organisations/confirm",
            ("user", confirmForm.QuerySelector("input[name=user]")!.GetAttribute("value")!), ("token", confirmForm.QuerySelector("input[name=token]")!.GetAttribute("value")!));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var login = await client.SubmitAsync("/organisations/login", "/organisations/login", ("email", "hanako@npo.example.jp"), ("password", "mirai-password-1"));
        Assert.Equal("/organisations/mine", login.Headers.Location!.OriginalString);
        // Signing in from a page that asked for it goes back there (a market round, say), never into a staff area.
        foreach (var (asked, landing) in new[] { ("/market?status=open", "/market?status=open"), ("/admin", "/organisations/mine"),
                     ("/chiba/admin/pages", "/organisations/mine"), ("/account/password", "/organisations/mine"), ("//evil.example/x", "/organisations/mine") })
        {
            var again = await client.SubmitAsync("/organisations/login", "/organisations/login", ("email", "hanako@npo.example.jp"), ("password", "mirai-password-1"), ("returnUrl", asked));
            Assert.Equal(landing, again.Headers.Location!.OriginalString);
        }
        var mine = await client.GetAsync("/organisations/mine");
        var home = mine.Headers.Location!.OriginalString;
        var homeDoc = await (await client.GetAsync(home)).DocumentAsync();
        Assert.Equal("特定非営利活動法人みらいネット", homeDoc.QuerySelector("main h1")!.TextContent);
        Assert.Contains("管理者", homeDoc.QuerySelector("main")!.TextContent);

        var saved = await client.SubmitAsync($"{home}/profile", $"{home}/profile", OrganisationTestData.ValidProfile(("name", "特定非営利活動法人みらいネット千葉")).ToArray());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(home.Split('/').Last());
        var o = await app.OrganisationAsync(id);
        Assert.Equal(("特定非営利活動法人みらいネット千葉", OrganisationKind.NpoCorporation, "7000012050002", "12"), (o.Name, o.Kind!.Value, o.CorporateNumber!, o.PrefectureCode!));
        var shown = await (await client.GetAsync(home)).DocumentAsync();
        Assert.Contains("千葉県千葉市中央区1-1", shown.QuerySelector(".profile-list")!.TextContent);
        Assert.Matches(@"令和\d+年\d+月\d+日", shown.QuerySelector(".profile-list time")!.TextContent); // dates with the era

        var audit = await app.InTenantAsync("hub", db => db.AuditEntries.Where(a => a.TargetType == AuditTargetTypes.Organisation).Select(a => a.Summary).ToListAsync());
        Assert.Contains(audit, s => s.StartsWith("団体「特定非営利活動法人みらいネット」を登録しました"));
        Assert.Contains(audit, s => s.Contains("団体名") && s.StartsWith("団体情報を更新しました"));
    }

    [Fact]
    public async Task The_session_of_an_organisation_account_carries_its_organisation_and_never_a_staff_right()
    {
        await using var app = await StartAsync();
        var (org, _) = await app.CreateAsync("npo@npo.example.jp");
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        scope.ServiceProvider.GetRequiredService<NpoMunicipalNetwork.Tenants.TenantContext>().Set(
            (await scope.ServiceProvider.GetRequiredService<NpoMunicipalNetwork.Tenants.TenantCatalog>().FindByNameAsync("hub"))!);
        var user = (await users.FindByEmailAsync("npo@npo.example.jp"))!;

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);

        Assert.True(principal.IsOrganisationAccount());
        Assert.Equal(org, principal.OrganisationId());
        Assert.False(principal.IsNetworkAdministrator());
        // Granting a role is refused at the database, whatever code path tries it.
        await Assert.ThrowsAsync<InvalidOperationException>(() => users.AddToRoleAsync(user, Roles.NetworkAdministrator));
        Assert.False(await app.InTenantAsync(null, db => db.UserRoles.AnyAsync(r => r.UserId == user.Id)));
    }

    [Fact]
    public async Task Each_kind_of_account_is_turned_away_from_the_other_kinds_sign_in_page_and_an_organisation_never_enters_admin()
    {
        await using var app = await StartAsync();
        var (org, _) = await app.CreateAsync("npo@npo.example.jp");
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);

        var staffPage = await app.Browser().SubmitAsync("/account/login", "/account/login", ("email", "npo@npo.example.jp"), ("password", AccountHelpers.Password));
        Assert.Equal(HttpStatusCode.BadRequest, staffPage.StatusCode);
        Assert.Contains("職員用の管理画面には入れません", await staffPage.ErrorsAsync());
        var orgPage = await app.Browser().SubmitAsync("/organisations/login", "/organisations/login", ("email", "secretariat@example.jp"), ("password", AccountHelpers.Password));
        Assert.Equal(HttpStatusCode.BadRequest, orgPage.StatusCode);
        Assert.Contains("職員用のログインページからログインしてください", await orgPage.ErrorsAsync());
        // The wrong password gets the usual answer: the page does not tell which kind an address is.
        var wrong = await app.Browser().SubmitAsync("/account/login", "/account/login", ("email", "npo@npo.example.jp"), ("password", "wrong-password-1"));
        Assert.Contains("メールアドレスまたはパスワードが正しくありません", await wrong.ErrorsAsync());

        var npo = await app.OrganisationSignedInAsync("npo@npo.example.jp");
        var admin = await npo.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Contains("権限がありません", (await admin.DocumentAsync()).Title);
        // A returnUrl into the admin area is not followed: an organisation lands on its own pages.
        var login = await app.Browser().SubmitAsync("/organisations/login", "/organisations/login", ("email", "npo@npo.example.jp"), ("password", AccountHelpers.Password), ("returnUrl", "/admin"));
        Assert.Equal("/organisations/mine", login.Headers.Location!.OriginalString);
        var logout = await npo.SubmitAsync($"/organisations/{org}", "/account/logout");
        Assert.Equal("/organisations/login?done=logout", logout.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_secretariat_cannot_list_edit_or_give_roles_to_an_organisation_account()
    {
        await using var app = await StartAsync();
        var (_, npoUser) = await app.CreateAsync("npo@npo.example.jp");
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var secretariat = await app.SignedInAsync("secretariat@example.jp");
        var forum = await NpoMunicipalNetwork.Tests.Forums.ForumTestData.CreateOpenForumAsync(app, 7, capacity: 10);

        var list = await (await secretariat.GetAsync("/admin/users")).DocumentAsync();
        Assert.DoesNotContain("npo@npo.example.jp", list.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"/admin/users/{npoUser}/edit")).StatusCode);
        var update = await secretariat.SubmitAsync("/admin/users/invite", $"/admin/users/{npoUser}", ("displayName", "npo"), ("roles", Roles.NetworkAdministrator));
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        var organiser = await secretariat.SubmitAsync($"/admin/forums/{forum}/organizers", $"/admin/forums/{forum}/organizers", ("email", "npo@npo.example.jp"));
        Assert.Equal(HttpStatusCode.BadRequest, organiser.StatusCode);
        Assert.Contains("NPO・団体のアカウントはフォーラムの運営者にできません", await organiser.ErrorsAsync());

        Assert.False(await app.InTenantAsync(null, db => db.UserRoles.AnyAsync(r => r.UserId == npoUser)));
    }

    [Fact]
    public async Task Signing_up_with_a_registered_address_writes_nothing_and_tells_only_the_mailbox()
    {
        await using var app = await StartAsync();
        await app.CreateUserAsync("hub", "taken@example.jp", [Roles.NetworkAdministrator]);
        var users = await app.InTenantAsync(null, db => db.Users.CountAsync());

        var response = await app.Browser().SubmitAsync("/organisations/signup", "/organisations/signup",
            SignUpFields.Select(f => f.Item1 == "email" ? ("email", "taken@example.jp") : f).ToArray());

        Assert.Equal("/organisations/signup/sent", response.Headers.Location!.OriginalString); // the same answer as a new address
        Assert.Equal(users, await app.InTenantAsync(null, db => db.Users.CountAsync()));
        Assert.False(await app.InTenantAsync(null, db => db.Organisations.AnyAsync()));
        Assert.Contains(app.Mails(), m => m.Subject.Contains("団体アカウントの登録について") && m.To.Mailboxes.Single().Address == "taken@example.jp");
    }

    [Theory]
    [InlineData("organisationName", "", "団体名を入力してください。")]
    [InlineData("organisationName", "長", "団体名は100文字以内で入力してください（現在101文字）。")]
    [InlineData("displayName", "山田\u0007花子", "お名前に入力できない文字（制御文字）が含まれています。")]
    [InlineData("email", "not-an-address", "メールアドレス「not-an-address」の形式が正しくありません")]
    [InlineData("password", "short", "パスワードは10文字以上にしてください。")]
    public async Task A_bad_sign_up_is_a_400_naming_the_field_and_creates_nothing(string field, string value, string message)
    {
        await using var app = await StartAsync();
        var users = await app.InTenantAsync(null, db => db.Users.CountAsync());
        value = value == "長" ? new string('長', 101) : value;

        var response = await app.Browser().SubmitAsync("/organisations/signup", "/organisations/signup",
            SignUpFields.Select(f => f.Item1 == field ? (field, value) : f).ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.ErrorsAsync());
        Assert.Equal(users, await app.InTenantAsync(null, db => db.Users.CountAsync()));
        Assert.False(await app.InTenantAsync(null, db => db.Organisations.AnyAsync()));
        Assert.Empty(app.Mails().Where(m => m.Subject.Contains("確認")));
    }
}

public sealed class OrganisationSignUpTests_Sqlite() : OrganisationSignUpTests(DatabaseProvider.Sqlite);

public sealed class OrganisationSignUpTests_PostgreSql() : OrganisationSignUpTests(DatabaseProvider.PostgreSql);
