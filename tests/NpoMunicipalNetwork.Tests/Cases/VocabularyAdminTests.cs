using NpoMunicipalNetwork.Cases;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Cases;

/// <summary>The secretariat manages the case vocabulary; member editors see the result in their form.</summary>
public abstract class VocabularyAdminTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task The_secretariat_adds_renames_and_retires_terms_and_editors_choose_only_live_ones()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        var s = await CaseTestSite.CreateAsync(app);
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var secretariat = await app.SignedInAsync("secretariat@example.jp");

        var added = await secretariat.SubmitAsync("/admin/vocabulary", "/admin/vocabulary/fields", ("code", "sports"), ("name", "スポーツ振興"), ("order", "50"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var duplicate = await secretariat.SubmitAsync("/admin/vocabulary", "/admin/vocabulary/fields", ("code", "sports"), ("name", "別名"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("コード「sports」はすでに使われています", (await duplicate.DocumentAsync()).QuerySelector("#error-code")!.TextContent);
        var noTypes = await secretariat.SubmitAsync("/admin/vocabulary", "/admin/vocabulary/methods", ("code", "training"), ("name", "研修"));
        Assert.Equal(HttpStatusCode.BadRequest, noTypes.StatusCode);
        Assert.False(await app.InTenantAsync("hub", db => db.PolicyMethods.AnyAsync(m => m.Code == "training")));

        var tourism = await app.InTenantAsync("hub", db => db.PolicyFields.Where(f => f.Code == "tourism").Select(f => f.Id).SingleAsync());
        var retire = await secretariat.SubmitAsync($"/admin/vocabulary/fields/{tourism}/edit", $"/admin/vocabulary/fields/{tourism}", ("name", "観光振興"), ("order", "4"), ("retired", "1"));
        Assert.Equal(HttpStatusCode.Redirect, retire.StatusCode);

        var form = await (await s.EditorA.GetAsync($"/{s.A}/admin/cases/new")).DocumentAsync();
        var choices = form.QuerySelectorAll("input[name=fields]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("sports", choices);
        Assert.DoesNotContain("tourism", choices);
        var refused = await s.CreateAsync(s.EditorA, s.A, CaseTestSite.Form(s.UnitA, "観光の事例", ("fields", "tourism")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("現在使われていません", (await refused.DocumentAsync()).QuerySelector("#error-fields")!.TextContent);

        var audit = await app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.TargetType == "CaseVocabulary").Select(e => e.Summary).ToListAsync());
        Assert.Contains(audit, a => a.Contains("スポーツ振興") && a.Contains("追加"));
        Assert.Contains(audit, a => a.Contains("観光振興") && a.Contains("使用停止"));
    }
}

public sealed class VocabularyAdminTests_Sqlite() : VocabularyAdminTests(DatabaseProvider.Sqlite);

public sealed class VocabularyAdminTests_PostgreSql() : VocabularyAdminTests(DatabaseProvider.PostgreSql);
