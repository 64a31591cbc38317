using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Audit;

/// <summary>Each audited action leaves exactly the entry it should, on the right site, and a refused action leaves none.</summary>
public abstract class AuditRecordingTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    internal static Task<List<AuditEntry>> EntriesAsync(TestApp app) =>
        app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().OrderBy(e => e.Id).ToListAsync());

    internal static Task<int> TenantIdAsync(TestApp app, string name) =>
        app.InTenantAsync(null, db => db.Tenants.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task Sign_in_success_failure_and_lockout_are_recorded_on_the_site_where_they_happened()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        var b = await app.CreateTenantWithPageAsync("q", "q");
        var aId = await TenantIdAsync(app, a);
        var editor = await app.CreateUserAsync(a, "editor@a.example.jp", [Roles.MemberEditor]);
        await app.CreateUserAsync(b, "staff@b.example.jp", [Roles.MemberEditor]);

        await app.SignedInAsync("editor@a.example.jp", $"/{a}");
        var client = app.Browser();
        for (var i = 0; i < 5; i++)
            await client.SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "editor@a.example.jp"), ("password", "wrong-password-" + i));
        await client.SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "editor@a.example.jp"), ("password", AccountHelpers.Password));
        await client.SubmitAsync("/account/login", "/account/login", ("email", "nobody@example.jp"), ("password", "whatever-123"));
        await app.Browser().SubmitAsync($"/{a}/account/login", $"/{a}/account/login", ("email", "staff@b.example.jp"), ("password", AccountHelpers.Password));

        var entries = await EntriesAsync(app);
        Assert.Equal(
            [AuditAction.Login, AuditAction.LoginFailed, AuditAction.LoginFailed, AuditAction.LoginFailed, AuditAction.LoginFailed,
             AuditAction.Lockout, AuditAction.LoginFailed, AuditAction.LoginFailed, AuditAction.LoginFailed],
            entries.Select(e => e.Action));

        var login = entries[0];
        Assert.Equal(aId, login.TenantId);
        Assert.Equal(editor, login.ActorUserId);
        Assert.Equal("editor", login.ActorName);
        Assert.Equal(AuditTargetTypes.User, login.TargetType);
        Assert.Equal(editor.ToString(), login.TargetId);
        Assert.Contains("editor@a.example.jp", login.TargetLabel);
        Assert.InRange(login.OccurredUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));

        // Failures on a known account of the site: on the site, about the account, by nobody signed in.
        Assert.All(entries.Skip(1).Take(5), e =>
        {
            Assert.Equal(aId, e.TenantId);
            Assert.Null(e.ActorUserId);
            Assert.Equal(editor.ToString(), e.TargetId);
        });
        Assert.Contains("パスワードが正しくない", entries[1].Summary);
        Assert.Contains("15分間ロック", entries[5].Summary);
        Assert.Contains("ロック中", entries[6].Summary);

        // An address that is no account of the site is a network-level event, and says no more than the site did.
        var unknown = entries[7];
        Assert.Null(unknown.TenantId);
        Assert.Equal(AuditTargetTypes.SignInAddress, unknown.TargetType);
        Assert.Equal("nobody@example.jp", unknown.TargetLabel);
        Assert.Null(unknown.TargetId);
        var otherSite = entries[8];
        Assert.Null(otherSite.TenantId);
        Assert.Null(otherSite.TargetId);
        Assert.Equal("staff@b.example.jp", otherSite.TargetLabel);
        Assert.Contains("登録のないメールアドレス", otherSite.Summary);
    }

    [Fact]
    public async Task Invitations_role_changes_and_suspensions_are_recorded_with_the_change_and_refused_edits_are_not()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        var aId = await TenantIdAsync(app, a);
        var unit = await app.CreateDepartmentAsync(a, "市民協働課");
        var adminId = await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        var staff = await app.CreateUserAsync(a, "staff@a.example.jp", [Roles.MemberStaff]);
        var admin = await app.SignedInAsync("admin@a.example.jp", $"/{a}");
        var before = (await EntriesAsync(app)).Count;

        var invited = await admin.SubmitAsync($"/{a}/admin/users/invite", $"/{a}/admin/users",
            ("displayName", "協働 花子"), ("email", "hanako@a.example.jp"), ("roles", Roles.MemberEditor), ("departments", unit.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var promoted = await admin.SubmitAsync($"/{a}/admin/users/{staff}/edit", $"/{a}/admin/users/{staff}",
            ("displayName", "staff"), ("roles", Roles.MemberStaff), ("roles", Roles.SiteAdministrator));
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        var suspended = await admin.SubmitAsync($"/{a}/admin/users/{staff}/edit", $"/{a}/admin/users/{staff}",
            ("displayName", "staff"), ("roles", Roles.MemberStaff), ("suspended", "true"));
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        var renamed = await admin.SubmitAsync($"/{a}/admin/users/{staff}/edit", $"/{a}/admin/users/{staff}",
            ("displayName", "改名した職員"), ("roles", Roles.MemberStaff), ("suspended", "true"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var refused = await admin.SubmitAsync($"/{a}/admin/users/{adminId}/edit", $"/{a}/admin/users/{adminId}",
            ("displayName", "admin"), ("roles", Roles.MemberEditor));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var entries = (await EntriesAsync(app)).Skip(before).ToList();
        Assert.Equal([AuditAction.Create, AuditAction.RoleChange, AuditAction.RoleChange, AuditAction.Update], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(aId, e.TenantId);
            Assert.Equal(adminId, e.ActorUserId);
            Assert.Equal("admin", e.ActorName);
            Assert.Equal(AuditTargetTypes.User, e.TargetType);
        });
        Assert.Contains("協働 花子", entries[0].TargetLabel);
        Assert.Contains("権限: 編集者", entries[0].Summary);
        Assert.Contains("所属: 市民協働課", entries[0].Summary);
        Assert.Equal(staff.ToString(), entries[1].TargetId);
        Assert.Contains("権限を付与: サイト管理者", entries[1].Summary);
        Assert.Contains("権限を取り消し: サイト管理者", entries[2].Summary);
        Assert.Contains("利用停止", entries[2].Summary);
        Assert.Contains("氏名: staff → 改名した職員", entries[3].Summary);
    }

    [Fact]
    public async Task Reorganisation_is_recorded_create_rename_move_merge_and_delete()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        var aId = await TenantIdAsync(app, a);
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        var admin = await app.SignedInAsync("admin@a.example.jp", $"/{a}");
        var bu = await app.CreateDepartmentAsync(a, "市民生活部");
        var old = await app.CreateDepartmentAsync(a, "NPO推進課", bu);
        var target = await app.CreateDepartmentAsync(a, "市民協働課", bu);
        await app.CreateUserAsync(a, "old@a.example.jp", [Roles.MemberEditor], [old]);
        await app.CreateOwnedPageAsync(a, "support", old);
        var before = (await EntriesAsync(app)).Count;

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/{a}/admin/departments/new", $"/{a}/admin/departments",
            ("name", "NPO支援係"), ("level", "Kakari"), ("parent", old.ToString()), ("order", "0"))).StatusCode);
        var kakari = await app.InTenantAsync(a, db => db.Departments.Where(d => d.Name == "NPO支援係").Select(d => d.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/{a}/admin/departments/{kakari}/edit", $"/{a}/admin/departments/{kakari}",
            ("name", "協働支援係"), ("level", "Kakari"), ("parent", target.ToString()), ("order", "0"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.SubmitAsync($"/{a}/admin/departments/{old}/merge", $"/{a}/admin/departments/{old}/merge",
            ("target", old.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/{a}/admin/departments/{old}/merge", $"/{a}/admin/departments/{old}/merge",
            ("target", target.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/{a}/admin/departments/{kakari}/delete", $"/{a}/admin/departments/{kakari}/delete")).StatusCode);

        var entries = (await EntriesAsync(app)).Skip(before).ToList();
        Assert.Equal(4, entries.Count); // the refused merge left nothing
        Assert.All(entries, e =>
        {
            Assert.Equal(AuditAction.Reorganise, e.Action);
            Assert.Equal(aId, e.TenantId);
            Assert.Equal("admin", e.ActorName);
            Assert.Equal(AuditTargetTypes.Department, e.TargetType);
        });
        Assert.Equal(kakari.ToString(), entries[0].TargetId);
        Assert.Contains("係「NPO支援係」を「NPO推進課」の下に追加", entries[0].Summary);
        Assert.Contains("名称: NPO支援係 → 協働支援係", entries[1].Summary);
        Assert.Contains("移動: NPO推進課 → 市民協働課", entries[1].Summary);
        Assert.Equal(old.ToString(), entries[2].TargetId);
        Assert.Equal("NPO推進課", entries[2].TargetLabel);
        Assert.Contains("課「NPO推進課」を課「市民協働課」", entries[2].Summary);
        Assert.Contains("職員 1人、ページ 1件", entries[2].Summary);
        Assert.Contains("係「協働支援係」を削除", entries[3].Summary);
    }

    [Fact]
    public async Task Member_sites_and_the_registry_are_recorded_as_network_level_entries()
    {
        await using var app = await StartAsync();
        var secretariatId = await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var s = await app.SignedInAsync("secretariat@example.jp");
        var before = (await EntriesAsync(app)).Count;

        Assert.Equal(HttpStatusCode.BadRequest, (await s.SubmitAsync("/admin/tenants/new", "/admin/tenants", ("name", "members"), ("displayName", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.SubmitAsync("/admin/tenants/new", "/admin/tenants",
            ("name", "sapporo"), ("displayName", "札幌市"), ("memberCode", "011002"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.SubmitAsync("/admin/tenants/sapporo/edit", "/admin/tenants/sapporo",
            ("displayName", "札幌市"), ("status", "disabled"), ("hosts", "npo.sapporo.example.jp"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.SubmitAsync("/admin/members/011002/edit", "/admin/members/011002",
            ("joinedOn", "2010-04-01"), ("department", "市民自治推進室"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.SubmitAsync("/admin/members/011002/edit", "/admin/members/011002",
            ("joinedOn", "2010-04-01"), ("leftOn", "2020-03-31"), ("department", "市民自治推進室"))).StatusCode);

        var entries = (await EntriesAsync(app)).Skip(before).ToList();
        Assert.Equal([AuditAction.TenantChange, AuditAction.TenantChange, AuditAction.RegistryChange, AuditAction.RegistryChange], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Null(e.TenantId);
            Assert.Equal(secretariatId, e.ActorUserId);
        });
        Assert.Equal((AuditTargetTypes.Tenant, "sapporo"), (entries[0].TargetType, entries[0].TargetId));
        Assert.Contains("会員サイト「札幌市」（sapporo）を作成", entries[0].Summary);
        Assert.Contains("停止", entries[1].Summary);
        Assert.Contains("ホスト名: なし → npo.sapporo.example.jp", entries[1].Summary);
        Assert.Equal((AuditTargetTypes.Government, "011002"), (entries[2].TargetType, entries[2].TargetId));
        Assert.Contains("加入を登録", entries[2].Summary);
        Assert.Contains("平成22年4月1日", entries[2].Summary);
        Assert.Contains("退会を登録", entries[3].Summary);
        Assert.Contains("退会日: なし → 令和2年3月31日", entries[3].Summary);
    }

    [Fact]
    public async Task A_completed_password_reset_is_recorded_with_the_account_as_actor()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        var id = await app.CreateUserAsync(a, "forgetful@a.example.jp", [Roles.MemberEditor]);
        var client = app.Browser();
        await client.SubmitAsync($"/{a}/account/forgot", $"/{a}/account/forgot", ("email", "forgetful@a.example.jp"));
        var link = AccountHelpers.LinkIn(Assert.Single(app.Mails()));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);

        var reset = await client.SubmitAsync(link, $"/{a}/account/reset",
            ("user", query["user"].ToString()), ("token", query["token"].ToString()), ("password", "brand-new-pass-1"), ("confirm", "brand-new-pass-1"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var entry = Assert.Single(await EntriesAsync(app));
        Assert.Equal(AuditAction.Update, entry.Action);
        Assert.Equal(await TenantIdAsync(app, a), entry.TenantId);
        Assert.Equal(id, entry.ActorUserId);
        Assert.Equal(id.ToString(), entry.TargetId);
        Assert.Contains("パスワードを再設定", entry.Summary);
    }

    [Fact]
    public async Task The_actor_address_and_site_come_from_the_request_and_long_text_is_cut_to_fit()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        using (var scope = app.Services.CreateScope())
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByNameAsync(a);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
            var http = new DefaultHttpContext
            {
                User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, "42"), new Claim(NetworkClaims.DisplayName, "監査 太郎")], "test")),
            };
            http.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:192.0.2.7");
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            audit.Record(AuditAction.Update, new AuditTarget(AuditTargetTypes.Page, "7", new string('長', 500)), new string('文', 2000));
            audit.Record(AuditAction.RegistryChange, new AuditTarget(AuditTargetTypes.Government, "011002", "札幌市"), "名簿", scope: AuditScope.Network);
            await scope.ServiceProvider.GetRequiredService<NetworkDbContext>().SaveChangesAsync();
        }

        var entries = await EntriesAsync(app);
        Assert.Equal(2, entries.Count);
        Assert.Equal(await TenantIdAsync(app, a), entries[0].TenantId);
        Assert.Equal(42, entries[0].ActorUserId);
        Assert.Equal("監査 太郎", entries[0].ActorName);
        Assert.Equal("192.0.2.7", entries[0].IpAddress);
        Assert.Equal(AuditEntry.TargetLabelLength, entries[0].TargetLabel!.Length);
        Assert.EndsWith("…", entries[0].Summary);
        Assert.Equal(AuditEntry.SummaryLength, entries[0].Summary.Length);
        Assert.Null(entries[1].TenantId);
        Assert.Equal("監査 太郎", entries[1].ActorName);

        // By default a query sees the current site's entries only.
        Assert.Single(await app.InTenantAsync(a, db => db.AuditEntries.ToListAsync()));
        Assert.Empty(await app.InTenantAsync(null, db => db.AuditEntries.ToListAsync()));
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted()
    {
        await using var app = await StartAsync(runSetupRecipe: false);
        await app.InTenantAsync(null, async db =>
        {
            db.AuditEntries.Add(new AuditEntry { Action = AuditAction.Update, TargetType = "Page", Summary = "元の記録", OccurredUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        await app.InTenantAsync(null, async db =>
        {
            var entry = await db.AuditEntries.IgnoreQueryFilters().SingleAsync();
            entry.Summary = "改ざん";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AuditEntries.Remove(await db.AuditEntries.IgnoreQueryFilters().SingleAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        Assert.Equal("元の記録", Assert.Single(await EntriesAsync(app)).Summary);
    }
}

public sealed class AuditRecordingTests_Sqlite() : AuditRecordingTests(DatabaseProvider.Sqlite);

public sealed class AuditRecordingTests_PostgreSql() : AuditRecordingTests(DatabaseProvider.PostgreSql);
