using Npgsql;
using NpoMunicipalNetwork.Data;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database per test: a temporary SQLite file, or a new PostgreSQL database
/// when <c>NPO_TEST_POSTGRES</c> holds a connection string to a server where the user may create databases.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "NPO_TEST_POSTGRES";

    private readonly string? _adminConnection;
    private readonly string? _databaseName;
    private readonly string? _folder;

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

    /// <summary>Skips (by hand) or fails (under CI=true) when PostgreSQL is asked for but not configured.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "npo-tests", Guid.NewGuid().ToString("n"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "network.db")}", folder: folder);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            if (IsCi)
                Assert.Fail($"CI=true but {PostgresVariable} is not set: the PostgreSQL run of the integration suite must not be skipped in CI.");
            Assert.Skip($"PostgreSQL tests skipped: set {PostgresVariable} to a connection string of a user that may create databases.");
        }

        var name = "npo_test_" + Guid.NewGuid().ToString("n")[..16];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
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
