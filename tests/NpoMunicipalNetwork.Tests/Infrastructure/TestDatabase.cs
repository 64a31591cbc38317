using Microsoft.Data.Sqlite;
using Npgsql;
using NpoMunicipalNetwork.Data;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

/// <summary>
/// A database of one test: a temporary SQLite file, or a PostgreSQL database of its own when
/// <c>NPO_TEST_POSTGRES</c> holds a connection string to a server where the user may create databases.
/// Either empty (<see cref="CreateAsync"/>, for the tests of migrations) or a copy of a template
/// (<see cref="CopyAsync"/>, every other test).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "NPO_TEST_POSTGRES";

    private readonly string? _adminConnection;
    private readonly string? _databaseName;
    private readonly string? _folder;
    private int _disposed;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? adminConnection = null, string? databaseName = null, string? folder = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
        _folder = folder;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private string SqliteFile => Path.Combine(_folder!, "network.db");

    /// <summary>An empty database. Skips (by hand) or fails (under CI=true) when PostgreSQL is asked for but not configured.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite
            ? CreateSqliteFile(Path.Combine(TestApp.Root, Guid.NewGuid().ToString("n")))
            : await CreatePostgresAsync(DatabaseTemplates.NewTestDatabaseName());

    /// <summary>A copy of <paramref name="template"/>'s database, as its start left it.</summary>
    public static async Task<TestDatabase> CopyAsync(DatabaseTemplate template)
    {
        var source = template.Database;
        if (source.Provider == DatabaseProvider.Sqlite)
        {
            var copy = CreateSqliteFile(Path.Combine(TestApp.Root, Guid.NewGuid().ToString("n")));
            // The template was checkpointed and closed when it was sealed: the main file holds everything.
            // A -wal left anyway is copied with it (never the -shm, which SQLite rebuilds from the -wal).
            File.Copy(source.SqliteFile, copy.SqliteFile);
            if (File.Exists(source.SqliteFile + "-wal"))
                File.Copy(source.SqliteFile + "-wal", copy.SqliteFile + "-wal");
            return copy;
        }

        var admin = AdminConnectionOrSkip();
        await DatabaseTemplates.EnsureLeaseAsync(admin);
        var name = DatabaseTemplates.NewTestDatabaseName();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var conn = new NpgsqlConnection(admin);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{source._databaseName}\"", conn);
                await cmd.ExecuteNonQueryAsync();
                break;
            }
            // 55006: "source database is being accessed by other users". Sealing ended every session and
            // forbids new ones, so this is not expected; if it happens, it passes.
            catch (PostgresException ex) when (ex.SqlState == "55006" && attempt < 10)
            {
                await Task.Delay(200 * attempt);
            }
        }
        return new TestDatabase(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, admin, name);
    }

    internal static TestDatabase CreateSqliteFile(string folder)
    {
        Directory.CreateDirectory(folder);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "network.db")}", folder: folder);
    }

    internal static async Task<TestDatabase> CreatePostgresAsync(string name)
    {
        var admin = AdminConnectionOrSkip();
        await DatabaseTemplates.EnsureLeaseAsync(admin);
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, admin, name);
    }

    /// <summary>Skips (by hand) or fails (under CI=true) when PostgreSQL is asked for but not configured.</summary>
    public static string AdminConnectionOrSkip()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            if (IsCi)
                Assert.Fail($"CI=true but {PostgresVariable} is not set: the PostgreSQL run of the integration suite must not be skipped in CI.");
            Assert.Skip($"PostgreSQL tests skipped: set {PostgresVariable} to a connection string of a user that may create databases.");
        }
        return admin;
    }

    /// <summary>
    /// Makes this (template) database safe to copy: every connection to it closed, nothing left in a
    /// write-ahead log (SQLite); no session and no new connection allowed (PostgreSQL).
    /// </summary>
    internal async Task SealAsTemplateAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            // The app's pool holds connections to the file (under a connection string of the app's making, so all pools).
            SqliteConnection.ClearAllPools();
            await using (var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqliteFile, Pooling = false }.ConnectionString))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await cmd.ExecuteNonQueryAsync();
            }
            return;
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        await using var admin = new NpgsqlConnection(_adminConnection);
        await admin.OpenAsync();
        // First no new session, then end those still open (idle connections of a pool no one will use again).
        await using (var deny = new NpgsqlCommand($"ALTER DATABASE \"{_databaseName}\" WITH ALLOW_CONNECTIONS false", admin))
            await deny.ExecuteNonQueryAsync();
        for (var attempt = 0; ; attempt++)
        {
            await using var end = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
            end.Parameters.AddWithValue("name", _databaseName!);
            if ((long)(await end.ExecuteScalarAsync())! == 0)
                return;
            if (attempt == 100)
                throw new InvalidOperationException($"Sessions on template {_databaseName} did not end.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            TestApp.TryDeleteFolder(_folder);
        }
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            // A connection still closing can hold the database for a moment; cleanup must not fail a test that passed.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var conn = new NpgsqlConnection(_adminConnection);
                    await conn.OpenAsync();
                    await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", conn);
                    await cmd.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException) when (attempt < 5)
                {
                    await Task.Delay(200 * attempt);
                }
                catch (PostgresException ex)
                {
                    Console.Error.WriteLine($"Could not drop test database {_databaseName}: {ex.MessageText}");
                    return;
                }
            }
        }
    }
}
