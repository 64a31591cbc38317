using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NpoMunicipalNetwork.Data;

/// <summary>
/// <c>backup FILE.zip</c> and <c>restore FILE.zip [--force]</c> for the embedded SQLite database: one archive holds a
/// consistent copy of the database (SQLite's online backup, safe while the site runs) and the data-protection keys.
/// The keys matter as much as the data: without them every sign-in, pending invitation and unsubscribe link breaks
/// and the webhook secrets cannot be read. Restoring checks the archive and the copy's integrity before it replaces
/// anything. Exit codes: 0 done, 1 refused or failed (with the reason in Japanese), 2 wrong usage.
/// PostgreSQL installations back the database up with pg_dump (docs/operations.md).
/// </summary>
public static class BackupCommandLine
{
    public const string Usage = """
        使い方:
          backup ファイル.zip             データベースと暗号鍵を1つのファイルに保存する（サイトを止めずに実行できます）
          restore ファイル.zip [--force]  保存したファイルから戻す（サイトを止めてから実行してください。
                                          既存のデータベースを置き換えるときは --force）
        """;

    private const string DatabaseEntry = "database/network.db";
    private const string KeysEntry = "keys/";
    private const string ManifestEntry = "backup.json";

    private sealed record Manifest(string Format, DateTime CreatedUtc, string Provider, int KeyFiles);

    public static bool IsBackupCommand(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || args.Skip(2).Any(a => a != "--force"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        if (!db.Database.IsSqlite())
        {
            await Console.Error.WriteLineAsync("PostgreSQL のデータベースは pg_dump / pg_restore で保存・復元してください。暗号鍵のフォルダ（DataProtection:KeysFolder）も一緒に保存が必要です（docs/operations.md）。");
            return 1;
        }
        var config = app.Services.GetRequiredService<IConfiguration>();
        if (!string.IsNullOrWhiteSpace(config["Redis:Configuration"]))
        {
            await Console.Error.WriteLineAsync("暗号鍵が Redis にあるため、このコマンドでは保存できません。Redis のキー npo:data-protection-keys も保存してください（docs/operations.md）。");
            return 1;
        }
        var database = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var keys = Accounts.AccountServiceCollectionExtensions.KeysFolder(config, app.Environment);
        var file = Path.GetFullPath(args[1]);
        try
        {
            return args[0] == "backup"
                ? await BackupAsync(database, keys, file)
                : await RestoreAsync(database, keys, file, args.Contains("--force"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or SqliteException or JsonException)
        {
            await Console.Error.WriteLineAsync($"{(args[0] == "backup" ? "保存" : "復元")}できませんでした: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> BackupAsync(string database, string keys, string file)
    {
        if (!File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"データベース {database} がありません。");
            return 1;
        }
        var work = Path.Combine(Path.GetTempPath(), "npo-backup-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(work);
        try
        {
            var copy = Path.Combine(work, "network.db");
            using (var source = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
            using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
            {
                source.Open();
                target.Open();
                source.BackupDatabase(target); // a consistent snapshot, even with writers in WAL mode
            }
            var keyFiles = Directory.Exists(keys) ? Directory.GetFiles(keys, "*.xml") : [];
            var partial = file + ".partial";
            await using (var zip = await ZipFile.OpenAsync(partial, ZipArchiveMode.Create))
            {
                await zip.CreateEntryFromFileAsync(copy, DatabaseEntry, CompressionLevel.Optimal);
                foreach (var key in keyFiles)
                    await zip.CreateEntryFromFileAsync(key, KeysEntry + Path.GetFileName(key));
                var manifest = zip.CreateEntry(ManifestEntry);
                await using var stream = await manifest.OpenAsync();
                await JsonSerializer.SerializeAsync(stream, new Manifest("npo-backup-1", DateTime.UtcNow, "Sqlite", keyFiles.Length));
            }
            File.Move(partial, file, overwrite: true); // never a half-written archive under the real name
            await Console.Out.WriteLineAsync($"保存しました: {file}（データベース {new FileInfo(copy).Length / 1024:#,0} KB、暗号鍵 {keyFiles.Length} 件）。");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> RestoreAsync(string database, string keys, string file, bool force)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"ファイル {file} がありません。");
            return 1;
        }
        if (File.Exists(database) && !force)
        {
            await Console.Error.WriteLineAsync($"データベース {database} がすでにあります。置き換えるときは --force を付けてください（サイトは止めてから）。");
            return 1;
        }
        var work = Path.Combine(Path.GetTempPath(), "npo-restore-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(work);
        try
        {
            await using var zip = await ZipFile.OpenReadAsync(file);
            if (zip.GetEntry(ManifestEntry) is not { } manifestEntry || zip.GetEntry(DatabaseEntry) is not { } databaseEntry)
            {
                await Console.Error.WriteLineAsync($"{file} はこのサイトの backup コマンドで作ったファイルではありません。");
                return 1;
            }
            Manifest? manifest;
            await using (var stream = await manifestEntry.OpenAsync())
                manifest = await JsonSerializer.DeserializeAsync<Manifest>(stream);
            if (manifest is not { Format: "npo-backup-1", Provider: "Sqlite" })
            {
                await Console.Error.WriteLineAsync($"{file} の形式に対応していません。");
                return 1;
            }
            var copy = Path.Combine(work, "network.db");
            await databaseEntry.ExtractToFileAsync(copy);
            if (!IsIntact(copy))
            {
                await Console.Error.WriteLineAsync("保存ファイルのデータベースが壊れています（integrity_check）。何も置き換えていません。");
                return 1;
            }
            var keyEntries = zip.Entries.Where(e => e.FullName.StartsWith(KeysEntry, StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal)).ToList();

            // Everything is checked: now replace. The WAL and shared-memory files belong to the old database.
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
            foreach (var leftover in new[] { database + "-wal", database + "-shm" })
                File.Delete(leftover);
            File.Move(copy, database, overwrite: true);
            Directory.CreateDirectory(keys);
            foreach (var entry in keyEntries)
                await entry.ExtractToFileAsync(Path.Combine(keys, entry.Name), overwrite: true);
            await Console.Out.WriteLineAsync($"復元しました: {database}（{JapanTime.FormatDateTime(manifest.CreatedUtc)} の保存、暗号鍵 {keyEntries.Count} 件）。");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static bool IsIntact(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return command.ExecuteScalar() as string == "ok";
    }
}
