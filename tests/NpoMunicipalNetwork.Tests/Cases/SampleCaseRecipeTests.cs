using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Cases;

/// <summary>The sample cases of the setup recipe, and the <c>PolicyCase</c> recipe content type that stores them.</summary>
public abstract class SampleCaseRecipeTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Dictionary<string, string?> WithSamples = new() { ["Database:SampleRecipe"] = "sample-cases.recipe.json" };

    private static readonly string[] SampleSites = ["chiba", "yokohama", "shiga", "saga", "shizuoka", "yamagata"];

    [Fact]
    public async Task The_first_start_publishes_30_or_more_valid_sample_cases_across_the_six_sites()
    {
        await using var app = await StartAsync(settings: WithSamples);
        var (cases, vocabulary, tenants) = await app.InTenantAsync(null, async db => (
            await CaseWorkflow.WithChildren(db.PolicyCases.IgnoreQueryFilters()).AsNoTracking().ToListAsync(),
            await CaseVocabulary.LoadAsync(db, default),
            await db.Tenants.ToDictionaryAsync(t => t.Id, t => t.Name)));
        Assert.True(cases.Count >= 30, $"{cases.Count} sample cases");
        var fiscalYear = JapaneseEra.FiscalYearOf(DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.All(cases, c =>
        {
            Assert.True(c.IsSample);
            Assert.True(c.IsPublished);
            Assert.NotNull(c.LiveRevisionId);
            Assert.Equal(c.LiveRevisionId, c.WorkingRevisionId);
            Assert.Empty(CaseRules.Validate(CaseContent.From(c), vocabulary, fiscalYear));
            Assert.InRange(c.StartFiscalYear, 2003, 2009);
            Assert.True(c.EndFiscalYear is null or <= 2009);
            Assert.NotEmpty(c.Budgets);
        });
        Assert.Equal(SampleSites.Order(), cases.Select(c => tenants[c.TenantId]).Distinct().Order());
        Assert.All(SampleSites, s => Assert.True(cases.Count(c => tenants[c.TenantId] == s) >= 3, s));
        Assert.Equal(RelationshipTypeNames.All.Order(), cases.Select(c => c.RelationshipType).Distinct().Order());
        Assert.True(cases.SelectMany(c => c.Fields).Select(f => f.PolicyFieldId).Distinct().Count() >= 8);
        var numbers = cases.SelectMany(c => c.Partners).Where(p => p.CorporateNumber is not null).Select(p => p.CorporateNumber!).ToList();
        Assert.True(numbers.Count >= 10);
        Assert.All(numbers, n => Assert.True(CorporateNumber.IsValid(n), n));
        var adaptations = cases.SelectMany(c => c.AdaptedFrom.Select(a => (c.TenantId, Source: cases.Single(s => s.Id == a.SourceCaseId).TenantId))).ToList();
        Assert.True(adaptations.Count >= 5);
        Assert.Contains(adaptations, a => a.TenantId != a.Source); // adoption across members
        var revisions = await app.InTenantAsync(null, db => db.ContentRevisions.IgnoreQueryFilters().CountAsync(r => r.ContentType == CaseWorkflow.ContentType));
        Assert.Equal(cases.Count, revisions);
    }

    [Fact]
    public async Task The_sample_cases_recipe_matches_the_setup_recipe_and_reapplying_it_changes_nothing()
    {
        await using var app = await StartAsync(settings: WithSamples);
        var before = await app.CountsAsync();
        var path = FindRecipe("sample-cases.recipe.json");
        await app.ApplyRecipeAsync(await File.ReadAllTextAsync(path));
        Assert.Equal(before, await app.CountsAsync());
        // The first start applied the sample recipe after the setup recipe: every sample case is there.
        var samples = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!["steps"]!.AsArray();
        var titles = await app.InTenantAsync(null, db => db.PolicyCases.IgnoreQueryFilters().Select(c => c.Title).ToListAsync());
        foreach (var item in samples.SelectMany(s => s!["items"]!.AsArray()))
            Assert.Contains((string)item!["title"]!, titles);
    }

    [Theory]
    [InlineData("\"fields\": [\"space\"]", "政策分野「space」は登録されていません")]
    [InlineData("\"fields\": [\"welfare\"], \"budgets\": [{ \"fiscalYear\": 2005, \"amountYen\": -5 }]", "マイナス")]
    [InlineData("\"fields\": [\"welfare\"], \"partners\": [{ \"name\": \"A\", \"corporateNumber\": \"1234567890123\" }]", "法人番号「1234567890123」が正しくありません")]
    [InlineData("\"fields\": [\"welfare\"], \"methods\": [\"designated-manager\"]", "関係区分「協働」では使えません")]
    [InlineData("\"fields\": [\"welfare\"], \"adaptedFrom\": [{ \"tenant\": \"chiba\", \"title\": \"ない事例\" }]", "「ない事例」が見つかりません")]
    public async Task A_recipe_cannot_store_what_the_form_refuses(string fragment, string message)
    {
        await using var app = await StartAsync(settings: WithSamples);
        var before = await app.CountsAsync();
        var error = await Assert.ThrowsAsync<RecipeException>(() => app.ApplyRecipeAsync($$"""
            { "name": "bad-case", "steps": [ { "name": "Content", "tenant": "saga", "items": [
              { "type": "PolicyCase", "title": "良い事例", "summary": "概要", "activities": "取組", "startFiscalYear": 2005, "relationshipType": "collaboration", "fields": ["welfare"] },
              { "type": "PolicyCase", "title": "誤った事例", "summary": "概要", "activities": "取組", "startFiscalYear": 2005, "relationshipType": "collaboration", {{fragment}} } ] } ] }
            """));
        Assert.Contains(message, error.Message);
        Assert.Equal(before, await app.CountsAsync()); // the good case before it is not stored either
    }

    private static string FindRecipe(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "recipes", name)))
                return Path.Combine(dir.FullName, "recipes", name);
        throw new FileNotFoundException(name);
    }
}

public sealed class SampleCaseRecipeTests_Sqlite() : SampleCaseRecipeTests(DatabaseProvider.Sqlite);

public sealed class SampleCaseRecipeTests_PostgreSql() : SampleCaseRecipeTests(DatabaseProvider.PostgreSql);
