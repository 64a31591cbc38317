using System.IO.Compression;
using Microsoft.Data.Sqlite;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Data;

/// <summary>Runs the real executable: <c>backup</c> then <c>restore</c> brings back the data and the data-protection keys, and refuses what it should.</summary>
public sealed class BackupCommandLineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "npo-tests", "backup", Guid.NewGuid().ToString("n"));

    public BackupCommandLineTests() => Directory.CreateDirectory(Keys);

    private string Database => Path.Combine(_folder, "site.db");

    private string Keys => Path.Combine(_folder, "keys");

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        CommandLine.RunAsync(Database, new Dictionary<string, string> { ["DataProtection__KeysFolder"] = Keys }, args);

    private async Task AddPageAsync(string slug)
    {
        var recipe = Path.Combine(_folder, slug + ".recipe.json");
        await File.WriteAllTextAsync(recipe, $$"""{ "name": "{{slug}}", "steps": [ { "name": "Content", "items": [ { "type": "Page", "slug": "{{slug}}", "title": "{{slug}}" } ] } ] }""");
        var applied = await RunAsync("recipe", "apply", recipe, "--tenant", "chiba");
        Assert.True(applied.ExitCode == 0, applied.Error);
    }

    private async Task<List<string>> SlugsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Slug" FROM "Pages" WHERE "Slug" IN ('before', 'after') ORDER BY "Slug" """;
        var slugs = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            slugs.Add(reader.GetString(0));
        return slugs;
    }

    [Fact]
    public async Task A_backup_restores_the_data_and_the_keys_as_they_were_and_an_existing_database_needs_force()
    {
        await AddPageAsync("before");
        var key = Path.Combine(Keys, "key-11111111-2222-3333-4444-555555555555.xml");
        await File.WriteAllTextAsync(key, "<key id=\"11111111-2222-3333-4444-555555555555\" version=\"1\" />");
        var archive = Path.Combine(_folder, "backup.zip");

        var backup = await RunAsync("backup", archive);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("保存しました", backup.Output);

        await AddPageAsync("after");
        File.Delete(key);
        Assert.Equal(["after", "before"], await SlugsAsync());

        var refused = await RunAsync("restore", archive);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Equal(["after", "before"], await SlugsAsync());

        var restored = await RunAsync("restore", archive, "--force");
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Contains("復元しました", restored.Output);
        Assert.Equal(["before"], await SlugsAsync());
        Assert.True(File.Exists(key));
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_is_refused_and_nothing_is_replaced()
    {
        await AddPageAsync("before");
        var other = Path.Combine(_folder, "other.zip");
        await using (var zip = await ZipFile.OpenAsync(other, ZipArchiveMode.Create))
            zip.CreateEntry("readme.txt");

        var (code, _, error) = await RunAsync("restore", other, "--force");
        var (usageCode, _, usage) = await RunAsync("backup");

        Assert.Equal(1, code);
        Assert.Contains("backup コマンドで作ったファイルではありません", error);
        Assert.Equal(["before"], await SlugsAsync());
        Assert.Equal(2, usageCode);
        Assert.Contains("使い方", usage);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestApp.TryDeleteFolder(_folder);
    }
}
