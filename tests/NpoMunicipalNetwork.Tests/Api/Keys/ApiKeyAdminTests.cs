using NpoMunicipalNetwork.Tests.Api.Writes;
using NpoMunicipalNetwork.News;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Api.Keys;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;
using static NpoMunicipalNetwork.Tests.Api.Writes.ApiTestSite;

namespace NpoMunicipalNetwork.Tests.Api.Keys;

/// <summary>The key pages of a member's admin area, revocation taking effect at once, and the per-key rate limit.</summary>
public abstract class ApiKeyAdminTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task A_key_is_shown_once_stored_as_a_hash_listed_by_prefix_and_audited()
    {
        var s = await ApiTestSite.CreateAsync(await StartAsync());
        await using var _ = s.App;

        var key = await s.IssueKeyAsync(s.A, "事例登録システム", "write:cases", "read");
        var stored = await s.App.InTenantAsync(s.A, db => db.ApiKeys.SingleAsync());
        Assert.StartsWith(stored.Prefix + "_", key);
        Assert.NotEqual(key, stored.SecretHash);
        Assert.DoesNotContain(key[(stored.Prefix.Length + 1)..], stored.SecretHash + stored.Prefix + stored.Name);
        Assert.Equal("read write:cases", stored.Scopes);

        var list = await s.AdminA.GetAsync($"/{s.A}/admin/api-keys");
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains(stored.Prefix, html);
        Assert.DoesNotContain(key, html);
        var doc = await list.DocumentAsync();
        Assert.Equal("事例登録システム", doc.QuerySelector("table tbody th[scope=row]")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("table caption"));

        var audit = await s.App.InTenantAsync(s.A, db => db.AuditEntries.SingleAsync(e => e.TargetType == "ApiKey"));
        Assert.Equal(NpoMunicipalNetwork.Audit.AuditAction.Create, audit.Action);
        Assert.Contains(stored.Prefix, audit.Summary);
        Assert.DoesNotContain(key, audit.Summary);
    }

    [Fact]
    public async Task The_form_names_each_missing_field_and_issues_nothing()
    {
        var s = await ApiTestSite.CreateAsync(await StartAsync());
        await using var _ = s.App;
        var response = await s.AdminA.SubmitAsync($"/{s.A}/admin/api-keys/new", $"/{s.A}/admin/api-keys", ("name", ""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = (await response.DocumentAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("キーの名前を入力してください。", summary);
        Assert.Contains("スコープ", summary);
        var forged = await s.AdminA.SubmitAsync($"/{s.A}/admin/api-keys/new", $"/{s.A}/admin/api-keys", ("name", "偽スコープ"), ("scopes", "admin"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await s.App.InTenantAsync(s.A, db => db.ApiKeys.AnyAsync()));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_an_admin_of_B_cannot_revoke_As_key()
    {
        var s = await ApiTestSite.CreateAsync(await StartAsync());
        await using var _ = s.App;
        var key = await s.IssueKeyAsync(s.A, "連携", "write:news");
        var api = s.Api(key);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/news", Json(new { title = "失効前", body = "本文" }))).StatusCode);
        var id = await s.App.InTenantAsync(s.A, db => db.ApiKeys.Select(k => k.Id).SingleAsync());
        Assert.NotNull(await s.App.InTenantAsync(s.A, db => db.ApiKeys.Select(k => k.LastUsedUtc).SingleAsync()));

        // B's administrator, on B's site, with B's own antiforgery token: A's key is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await s.AdminB.GetAsync($"/{s.B}/admin/api-keys/{id}/revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.AdminB.SubmitAsync($"/{s.B}/admin/api-keys/new", $"/{s.B}/admin/api-keys/{id}/revoke")).StatusCode);
        // On A's site B's administrator is not signed in.
        Assert.Equal(HttpStatusCode.Redirect, (await s.AdminB.GetAsync($"/{s.A}/admin/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/news", Json(new { title = "まだ有効", body = "本文" }))).StatusCode);

        var revoked = await s.AdminA.SubmitAsync($"/{s.A}/admin/api-keys/{id}/revoke", $"/{s.A}/admin/api-keys/{id}/revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var refused = await ProblemAsync(await api.PostAsync("/api/v1/news", Json(new { title = "失効後", body = "本文" })), HttpStatusCode.Unauthorized);
        Assert.Contains("失効", (string?)refused["detail"]);
        Assert.Equal(new[] { "まだ有効", "失効前" }.Order(), (await s.App.InTenantAsync(s.A, db => db.NewsItems.Select(n => n.Title).ToListAsync())).Order());
        Assert.Contains("失効", (await (await s.AdminA.GetAsync($"/{s.A}/admin/api-keys")).DocumentAsync()).QuerySelector("table tbody")!.TextContent);
        Assert.Equal(["Create", "Delete"], await s.App.InTenantAsync(s.A, db => db.AuditEntries.Where(e => e.TargetType == "ApiKey").OrderBy(e => e.Id).Select(e => e.Action.ToString()).ToListAsync()));
    }

    [Fact]
    public async Task Only_site_administrators_manage_keys()
    {
        var s = await ApiTestSite.CreateAsync(await StartAsync());
        await using var _ = s.App;
        await s.App.CreateUserAsync(s.A, "editor@a.example.jp", [Roles.MemberEditor], [s.UnitA]);
        var editor = await s.App.SignedInAsync("editor@a.example.jp", $"/{s.A}");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/{s.A}/admin/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.SubmitAsync($"/{s.A}/admin/news/new", $"/{s.A}/admin/api-keys", ("name", "勝手な鍵"), ("scopes", "write:cases"))).StatusCode);
        Assert.False(await s.App.InTenantAsync(s.A, db => db.ApiKeys.AnyAsync()));
        var nav = (await (await s.AdminA.GetAsync($"/{s.A}/admin")).DocumentAsync()).QuerySelectorAll("nav a").Select(a => a.TextContent.Trim());
        Assert.Contains("APIキー", nav);
    }

    [Fact]
    public async Task Each_key_has_its_own_rate_limit_answered_with_429_and_Retry_After()
    {
        var s = await ApiTestSite.CreateAsync(await StartAsync(settings: new Dictionary<string, string?> { ["ApiKeys:RequestsPerMinute"] = "2" }));
        await using var _ = s.App;
        var first = s.Api(await s.IssueKeyAsync(s.A, "一つ目", "write:news"));
        var second = s.Api(await s.IssueKeyAsync(s.A, "二つ目", "write:news"));
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await first.PostAsync("/api/v1/news", Json(new { title = "" }))).StatusCode);
        var limited = await first.PostAsync("/api/v1/news", Json(new { title = "制限後", body = "本文" }));
        await ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsync("/api/v1/news", Json(new { title = "別の鍵", body = "本文" }))).StatusCode);
        Assert.Equal(["別の鍵"], await s.App.InTenantAsync(s.A, db => db.NewsItems.Select(n => n.Title).ToListAsync()));
    }
}

public sealed class ApiKeyAdminTests_Sqlite() : ApiKeyAdminTests(DatabaseProvider.Sqlite);

public sealed class ApiKeyAdminTests_PostgreSql() : ApiKeyAdminTests(DatabaseProvider.PostgreSql);
