using NpoMunicipalNetwork.Pages;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Recipes;

/// <summary>A recipe is validated first and applied in one transaction: on any problem nothing changes.</summary>
public abstract class RecipeTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static async Task<int> CountTenants(TestApp app) => await app.InTenantAsync(null, db => db.Tenants.CountAsync());

    [Fact]
    public async Task Malformed_json_is_reported_with_the_file_and_line_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var before = await CountTenants(app);

        var ex = await Assert.ThrowsAsync<RecipeException>(() => app.ApplyRecipeAsync("""
            { "name": "broken",
              "steps": [ { "name": "Tenants", "tenants": [ { "name": "brokenjson" ] } ] }
            """, fileName: "broken.recipe.json"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("broken.recipe.json", error.File);
        Assert.Contains("2行目", error.Message);
        Assert.Equal(before, await CountTenants(app));
    }

    [Fact]
    public async Task An_unknown_step_is_named_and_nothing_of_the_recipe_is_applied()
    {
        await using var app = await StartAsync();
        var name = TestApp.NewTenantName();

        var ex = await Assert.ThrowsAsync<RecipeException>(() => app.ApplyRecipeAsync($$"""
            { "name": "unknown-step", "steps": [
                { "name": "Tenants", "tenants": [ { "name": "{{name}}", "displayName": "先に来る正しいステップ" } ] },
                { "name": "Flowers", "color": "red" }
            ] }
            """));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(2, error.StepNumber);
        Assert.Equal("Flowers", error.StepName);
        Assert.Equal("name", error.Field);
        Assert.Contains("未知のステップ", error.Message);
        Assert.False(await app.InTenantAsync(null, db => db.Tenants.AnyAsync(t => t.Name == name)));
    }

    [Fact]
    public async Task Bad_values_are_all_reported_with_step_and_field()
    {
        await using var app = await StartAsync();
        var before = await CountTenants(app);

        var ex = await Assert.ThrowsAsync<RecipeException>(() => app.ApplyRecipeAsync("""
            { "name": "bad-values", "steps": [
                { "name": "Tenants", "tenants": [
                    { "name": "okname", "displayName": "正しい" },
                    { "name": "members", "displayName": "予約語" },
                    { "name": "Bad Name!", "displayName": "形式違反" },
                    { "name": "codebad", "displayName": "コード違反", "memberCode": "120005" },
                    { "name": "statusbad", "displayName": "状態違反", "status": "sleeping" },
                    { "name": "typo", "displayName": "綴り違い", "dispalyName": "x" }
                ] },
                { "name": "Settings", "tenant": "okname", "accentColor": "blue" },
                { "name": "Members", "memberships": [ { "code": "120006", "joinedOn": "2005/11/01" } ] }
            ] }
            """));

        string[] expected =
        [
            "1:tenants[1].name", "1:tenants[2].name", "1:tenants[3].memberCode", "1:tenants[4].status",
            "1:tenants[5].dispalyName", "2:accentColor", "3:memberships[0].joinedOn",
        ];
        Assert.Equal(expected, ex.Errors.Select(e => $"{e.StepNumber}:{e.Field}").ToArray());
        Assert.Contains("予約", ex.Errors[0].Message);
        Assert.Contains("検査数字", ex.Errors[2].Message);
        Assert.All(ex.Errors, e => Assert.Equal("test.recipe.json", e.File));
        Assert.Equal(before, await CountTenants(app));
        Assert.False(await app.InTenantAsync(null, db => db.Tenants.AnyAsync(t => t.Name == "okname")));
    }

    [Fact]
    public async Task A_step_failing_while_applying_rolls_back_the_steps_before_it()
    {
        await using var app = await StartAsync();
        var name = TestApp.NewTenantName();
        var membersBefore = await app.InTenantAsync(null, db => db.Memberships.CountAsync());

        // 019992 has a valid check digit but is not in the registry: only the database can tell.
        var ex = await Assert.ThrowsAsync<RecipeException>(() => app.ApplyRecipeAsync($$"""
            { "name": "late-failure", "steps": [
                { "name": "Members", "memberships": [ { "code": "011002", "joinedOn": "2010-04-01" } ] },
                { "name": "Tenants", "tenants": [ { "name": "{{name}}", "displayName": "先に作られるはず" } ] },
                { "name": "Content", "tenant": "{{name}}", "items": [ { "type": "Page", "slug": "p", "title": "ページ" } ] },
                { "name": "Tenants", "tenants": [ { "name": "{{name}}x", "displayName": "名簿にない団体", "memberCode": "019992" } ] }
            ] }
            """));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(4, error.StepNumber);
        Assert.Equal("tenants[0].memberCode", error.Field);
        Assert.False(await app.InTenantAsync(null, db => db.Tenants.AnyAsync(t => t.Name == name)));
        Assert.False(await app.InTenantAsync(null, db => db.Pages.IgnoreQueryFilters().AnyAsync(p => p.Slug == "p")));
        Assert.Equal(membersBefore, await app.InTenantAsync(null, db => db.Memberships.CountAsync()));
    }

    [Fact]
    public async Task Applying_the_same_recipe_twice_updates_instead_of_duplicating()
    {
        await using var app = await StartAsync();
        var name = TestApp.NewTenantName();
        var recipe = $$"""
            { "name": "idempotent", "steps": [
                { "name": "Tenants", "tenants": [ { "name": "{{name}}", "displayName": "一回目", "hosts": ["a.example.jp"] } ] },
                { "name": "Content", "tenant": "{{name}}", "items": [ { "type": "Page", "slug": "p", "title": "ページ" } ] }
            ] }
            """;

        await app.ApplyRecipeAsync(recipe);
        await app.ApplyRecipeAsync(recipe.Replace("一回目", "二回目").Replace("a.example.jp", "b.example.jp"));

        var tenant = await app.InTenantAsync(null, db => db.Tenants.Include(t => t.Hosts).SingleAsync(t => t.Name == name));
        Assert.Equal("二回目", tenant.DisplayName);
        Assert.Equal(["b.example.jp"], tenant.Hosts.Select(h => h.HostName));
        Assert.Equal(1, await app.InTenantAsync(name, db => db.Pages.CountAsync()));
    }

    [Fact]
    public async Task A_host_name_cannot_be_given_to_two_tenants()
    {
        await using var app = await StartAsync();
        await app.CreateTenantWithPageAsync("p", "p", host: "taken.example.jp");

        var ex = await Assert.ThrowsAsync<RecipeException>(() => app.ApplyRecipeAsync($$"""
            { "name": "steal-host", "steps": [ { "name": "Tenants", "tenants": [ { "name": "{{TestApp.NewTenantName()}}", "displayName": "x", "hosts": ["taken.example.jp"] } ] } ] }
            """));

        Assert.Contains("taken.example.jp", Assert.Single(ex.Errors).Message);
    }
}

public sealed class RecipeTests_Sqlite() : RecipeTests(DatabaseProvider.Sqlite);

public sealed class RecipeTests_PostgreSql() : RecipeTests(DatabaseProvider.PostgreSql);
