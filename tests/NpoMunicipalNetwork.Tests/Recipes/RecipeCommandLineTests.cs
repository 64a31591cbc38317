using Microsoft.Data.Sqlite;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Recipes;

/// <summary>Runs the real executable: <c>recipe list | validate | apply</c>, exit codes and messages.</summary>
public sealed class RecipeCommandLineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "npo-tests", "cli", Guid.NewGuid().ToString("n"));

    public RecipeCommandLineTests() => Directory.CreateDirectory(_folder);

    private string Database => Path.Combine(_folder, "cli.db");

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => CommandLine.RunAsync(Database, null, args);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task List_shows_the_recipes_folder_with_the_setup_recipe_marked()
    {
        var (code, output, _) = await RunAsync("recipe", "list");

        Assert.Equal(0, code);
        Assert.Contains("setup.recipe.json", output);
        Assert.Contains("[setup]", output);
    }

    [Theory]
    [InlineData("dup.recipe.json", "{ \"name\": \"x\", \"name\": \"y\", \"steps\": [] }")]
    [InlineData("dup-step.recipe.json", "{ \"name\": \"x\", \"steps\": [ { \"name\": \"Tenants\", \"tenants\": [], \"tenants\": [] } ] }")]
    [InlineData("broken.recipe.json", "{ \"name\": \"x\", \"steps\": [ ")]
    public async Task Validate_refuses_malformed_JSON_and_duplicate_keys_with_a_message_and_exit_1(string name, string json)
    {
        var path = Write(name, json);

        var (code, _, error) = await RunAsync("recipe", "validate", path);

        Assert.Equal(1, code);
        Assert.Contains("JSON として読めません", error);
        Assert.DoesNotContain("Unhandled exception", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Validate_reports_file_step_and_field_exits_1_and_creates_no_database()
    {
        var path = Write("bad.recipe.json", """{ "name": "bad", "steps": [ { "name": "Tenants", "tenants": [ { "name": "api", "displayName": "x" } ] } ] }""");

        var (code, _, error) = await RunAsync("recipe", "validate", path);

        Assert.Equal(1, code);
        Assert.Contains("bad.recipe.json ステップ1「Tenants」 項目「tenants[0].name」", error);
        Assert.Contains("予約", error);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Apply_with_tenant_writes_into_that_tenant_and_a_bad_recipe_changes_nothing()
    {
        var good = Write("pages.recipe.json", """{ "name": "pages", "steps": [ { "name": "Content", "items": [ { "type": "Page", "slug": "cli-page", "title": "CLIのページ" } ] } ] }""");
        var bad = Write("bad.recipe.json", """{ "name": "bad", "steps": [ { "name": "Content", "items": [ { "type": "Page", "slug": "second", "title": "二つ目" } ] }, { "name": "Content", "tenant": "nosuchtenant", "items": [ { "type": "Page", "slug": "x", "title": "x" } ] } ] }""");

        var applied = await RunAsync("recipe", "apply", good, "--tenant", "chiba");
        var failed = await RunAsync("recipe", "apply", bad, "--tenant", "chiba");

        Assert.True(applied.ExitCode == 0, applied.Error);
        Assert.Contains("適用しました", applied.Output);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("nosuchtenant", failed.Error);

        await using var connection = new SqliteConnection($"Data Source={Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT t."Name" || ':' || p."Slug" FROM "Pages" p JOIN "Tenants" t ON t."Id" = p."TenantId" WHERE p."Slug" IN ('cli-page', 'second')""";
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                rows.Add(reader.GetString(0));
        Assert.Equal(["chiba:cli-page"], rows);
    }

    [Fact]
    public async Task Unknown_verb_prints_usage_and_exits_2()
    {
        var (code, _, error) = await RunAsync("recipe", "bake");

        Assert.Equal(2, code);
        Assert.Contains("使い方", error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
