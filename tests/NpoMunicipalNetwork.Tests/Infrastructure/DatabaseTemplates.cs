using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpoMunicipalNetwork.Data;

[assembly: AssemblyFixture(typeof(NpoMunicipalNetwork.Tests.Infrastructure.DatabaseTemplates))]

namespace NpoMunicipalNetwork.Tests.Infrastructure;

/// <summary>
/// Databases as the app's start leaves them (migrated, and set up by the setup recipe where asked),
/// made once per test run for each provider and each <see cref="TemplateKey"/>; each test gets a copy
/// (<see cref="TestDatabase.CopyAsync"/>) instead of migrating and setting up a database of its own.
/// <para>
/// A template is made by starting the real app on an empty database with the test's start-relevant
/// settings and stopping it again, so the copy holds exactly what a fresh start writes. What that start
/// wrote outside the database (data-protection keys, mail) is kept with the template and copied to each
/// test's own folders.
/// </para>
/// <para>
/// PostgreSQL templates are named <c>npo_tpl_&lt;build&gt;_&lt;run&gt;_&lt;key&gt;</c>: a hash of the
/// app and test assemblies and their migrations, this run's id, and the key. Each run holds an advisory
/// lock on its run id for as long as it lives (<see cref="_lease"/>); a run drops, on its first use of
/// PostgreSQL, the templates and test databases of runs whose lock nobody holds any more (crashed or
/// killed runs), and its own templates when the assembly's tests are done. Several test processes on one
/// server therefore never drop each other's databases.
/// </para>
/// This is the xunit assembly fixture: disposed once, after the last test of the assembly.
/// </summary>
public sealed class DatabaseTemplates : IAsyncDisposable
{
    /// <summary>Set to 1 to give every test a freshly migrated database again (slower; for comparing).</summary>
    public const string DisableVariable = "NPO_TEST_NO_TEMPLATES";

    /// <summary>First key of this suite's advisory locks ('NPOT'); the second is the run id.</summary>
    private const int LockNamespace = 0x4E504F54;

    private static readonly ConcurrentDictionary<TemplateKey, Lazy<Task<DatabaseTemplate>>> Templates = new();
    private static readonly SemaphoreSlim LeaseGate = new(1, 1);
    private static NpgsqlConnection? _lease;

    /// <summary>This process's run id: 8 hex digits, also the second key of its advisory lock.</summary>
    public static readonly string RunId = RandomNumberGenerator.GetHexString(8, lowercase: true);

    public static bool Disabled => Environment.GetEnvironmentVariable(DisableVariable) is "1" or "true";

    /// <summary>Hash of what decides a template's content besides the key: the app and its migrations, and these tests' defaults.</summary>
    public static readonly string BuildHash = ComputeBuildHash();

    private static string ComputeBuildHash()
    {
        var text = new StringBuilder();
        foreach (var assembly in new[] { typeof(Program).Assembly, typeof(DatabaseTemplates).Assembly })
            text.Append(assembly.ManifestModule.ModuleVersionId).Append('|');
        foreach (var migration in typeof(Program).Assembly.GetTypes()
                     .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
                     .Select(t => t.FullName).Order(StringComparer.Ordinal))
            text.Append(migration).Append('|');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..10].ToLowerInvariant();
    }

    /// <summary>The template for <paramref name="key"/>, made on first use; concurrent callers wait for the same one.</summary>
    public static Task<DatabaseTemplate> GetAsync(TemplateKey key) =>
        Templates.GetOrAdd(key, k => new Lazy<Task<DatabaseTemplate>>(() => DatabaseTemplate.BuildAsync(k))).Value;

    /// <summary>
    /// Takes this run's advisory lock (once) and drops what runs without a holder left behind.
    /// Called before this run creates any PostgreSQL database.
    /// </summary>
    internal static async Task EnsureLeaseAsync(string adminConnection)
    {
        if (_lease is not null)
            return;
        await LeaseGate.WaitAsync();
        try
        {
            if (_lease is not null)
                return;
            // Not pooled: ClearAllPools elsewhere must never close it, and it must live as long as the run.
            var lease = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnection) { Pooling = false, ApplicationName = "npo-tests-lease-" + RunId }.ConnectionString);
            await lease.OpenAsync();
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@ns, @run)", lease))
            {
                take.Parameters.AddWithValue("ns", LockNamespace);
                take.Parameters.AddWithValue("run", RunLockKey(RunId));
                await take.ExecuteNonQueryAsync();
            }
            await DropAbandonedAsync(lease);
            _lease = lease;
        }
        finally
        {
            LeaseGate.Release();
        }
    }

    /// <summary>Test database name that carries this run's id, so a later run can tell it was abandoned.</summary>
    internal static string NewTestDatabaseName() => $"npo_test_r{RunId}_{RandomNumberGenerator.GetHexString(12, lowercase: true)}";

    private static int RunLockKey(string runId) => unchecked((int)Convert.ToUInt32(runId, 16));

    /// <summary>The run id in <c>npo_tpl_&lt;build&gt;_&lt;run&gt;_&lt;key&gt;</c> or <c>npo_test_r&lt;run&gt;_…</c>; null for other names.</summary>
    private static string? RunOf(string database)
    {
        var parts = database.Split('_');
        if (database.StartsWith("npo_tpl_", StringComparison.Ordinal) && parts.Length == 5)
            return parts[3];
        if (database.StartsWith("npo_test_r", StringComparison.Ordinal) && parts.Length == 4)
            return parts[2][1..];
        return null;
    }

    private static async Task DropAbandonedAsync(NpgsqlConnection lease)
    {
        var names = new List<string>();
        await using (var list = new NpgsqlCommand(@"SELECT datname FROM pg_database WHERE datname LIKE 'npo\_tpl\_%' OR datname LIKE 'npo\_test\_r%'", lease))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));

        foreach (var group in names.GroupBy(RunOf).Where(g => g.Key is { Length: 8 } run && run != RunId && IsHex(run)))
        {
            var run = RunLockKey(group.Key!);
            await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@ns, @run)", lease);
            tryLock.Parameters.AddWithValue("ns", LockNamespace);
            tryLock.Parameters.AddWithValue("run", run);
            if (await tryLock.ExecuteScalarAsync() is not true)
                continue; // that run is alive
            try
            {
                foreach (var name in group)
                {
                    try
                    {
                        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", lease);
                        await drop.ExecuteNonQueryAsync();
                        Console.Error.WriteLine($"Dropped {name}, left by an earlier test run.");
                    }
                    catch (PostgresException ex)
                    {
                        Console.Error.WriteLine($"Could not drop {name}, left by an earlier test run: {ex.MessageText}");
                    }
                }
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@ns, @run)", lease);
                unlock.Parameters.AddWithValue("ns", LockNamespace);
                unlock.Parameters.AddWithValue("run", run);
                await unlock.ExecuteNonQueryAsync();
            }
        }
    }

    private static bool IsHex(string s) => s.All(Uri.IsHexDigit);

    /// <summary>After the assembly's last test: drops this run's templates and releases its lock.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in Templates.Values)
        {
            if (!lazy.IsValueCreated)
                continue;
            try
            {
                var template = await lazy.Value;
                await template.DisposeAsync();
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"Template cleanup: {ex.Message}");
            }
        }
        Templates.Clear();
        if (_lease is not null)
        {
            await _lease.DisposeAsync(); // ends the session, which releases the run's advisory lock
            _lease = null;
        }
    }
}

/// <summary>
/// What makes two starts write the same database: the provider, whether the setup recipe runs, and every
/// setting the test passes except those only read while serving (<see cref="ServingOnly"/>).
/// </summary>
public sealed record TemplateKey(DatabaseProvider Provider, bool RunSetupRecipe, string Settings)
{
    /// <summary>
    /// Settings no part of the start's writing reads (migrations, the setup and sample recipes; the schedulers
    /// and the search indexer, which this suite's defaults keep off at start or which run again on the copy).
    /// A setting not listed here makes a template of its own: slower, never wrong.
    /// </summary>
    public static readonly string[] ServingOnly =
    [
        "OutputCache:", "Boards:", "Webhooks:", "ApiKeys:", "Accounts:RequestsPerMinutePerIp", "Forums:RegistrationsPerMinutePerIp",
        "Publishing:", "OpenData:", "Search:", "Accessibility:", "Themes:WatchForChanges", "ReverseProxy:",
    ];

    private const char Separator = '\u001e'; // ASCII record separator: in no setting's value

    public static TemplateKey For(DatabaseProvider provider, bool runSetupRecipe, IDictionary<string, string?>? settings)
    {
        var relevant = (settings ?? new Dictionary<string, string?>())
            .Where(s => !ServingOnly.Any(p => s.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
            .Select(s => $"{s.Key}={s.Value}");
        return new TemplateKey(provider, runSetupRecipe, string.Join(Separator, relevant));
    }

    /// <summary>The settings of the template's start: the relevant ones only.</summary>
    public Dictionary<string, string?> SettingsDictionary() =>
        Settings.Length == 0
            ? []
            : Settings.Split(Separator).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);

    public string Hash => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Provider}|{RunSetupRecipe}|{Settings}")))[..8].ToLowerInvariant();
}

/// <summary>One template: a database file or a PostgreSQL template database, and the folders its start wrote.</summary>
public sealed class DatabaseTemplate : IAsyncDisposable
{
    private DatabaseTemplate(TemplateKey key, TestDatabase database, string keysFolder, string mailFolder)
    {
        Key = key;
        Database = database;
        KeysFolder = keysFolder;
        MailFolder = mailFolder;
    }

    public TemplateKey Key { get; }

    /// <summary>The template database; no connection to it may stay open.</summary>
    public TestDatabase Database { get; }

    /// <summary>Data-protection keys the template's start made (if any): copied to each test, so anything protected in the template stays readable.</summary>
    public string KeysFolder { get; }

    /// <summary>Mail the template's start sent (if any): copied to each test's pickup folder, as a fresh start would have left it.</summary>
    public string MailFolder { get; }

    internal static async Task<DatabaseTemplate> BuildAsync(TemplateKey key)
    {
        var database = key.Provider == DatabaseProvider.Sqlite
            ? TestDatabase.CreateSqliteFile(Path.Combine(TestApp.Root, "templates", $"{DatabaseTemplates.RunId}_{key.Hash}"))
            : await TestDatabase.CreatePostgresAsync($"npo_tpl_{DatabaseTemplates.BuildHash}_{DatabaseTemplates.RunId}_{key.Hash}");
        var settings = TestApp.DefaultSettings(database, key.RunSetupRecipe);
        foreach (var (k, v) in key.SettingsDictionary())
            settings[k] = v;
        // The template's own folders, kept until the end of the run.
        settings["Mail:PickupFolder"] = Path.Combine(TestApp.Root, "templates", $"{DatabaseTemplates.RunId}_{key.Hash}_mail");
        settings["DataProtection:KeysFolder"] = Path.Combine(TestApp.Root, "templates", $"{DatabaseTemplates.RunId}_{key.Hash}_keys");
        try
        {
            var app = await TestApp.StartOnAsync(database, settings, services: null, ownsDatabase: false);
            await app.DisposeAsync();
            await database.SealAsTemplateAsync();
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
        return new DatabaseTemplate(key, database, settings["DataProtection:KeysFolder"]!, settings["Mail:PickupFolder"]!);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        foreach (var folder in new[] { KeysFolder, MailFolder })
            TestApp.TryDeleteFolder(folder);
    }
}
