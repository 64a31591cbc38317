using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Data;

public abstract class StorageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task The_app_migrates_an_empty_database_to_the_latest_migration_on_start()
    {
        await using var app = await StartAsync(freshDatabase: true); // not the run's template: this start is the one that migrates

        var (pending, applied, modelChanged) = await app.InTenantAsync(null, async db =>
            ((await db.Database.GetPendingMigrationsAsync()).ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.HasPendingModelChanges()));

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        // Fails when the model changed without a migration for this provider.
        Assert.False(modelChanged, $"The {Provider} model has changes with no migration: run dotnet ef migrations add for both providers.");
    }

    [Fact]
    public async Task Restarting_on_an_existing_database_keeps_its_data_and_does_not_rerun_setup()
    {
        await using var first = await StartAsync();
        var name = await first.CreateTenantWithPageAsync("kept", "残るページ");
        var tenantsBefore = await first.InTenantAsync(null, db => db.Tenants.CountAsync());

        await using var second = first.StartAnotherOnSameDatabase();
        var tenantsAfter = await second.InTenantAsync(null, db => db.Tenants.CountAsync());
        var (response, doc) = await second.GetPageAsync($"/{name}/pages/kept");

        Assert.Equal(tenantsBefore, tenantsAfter);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("残るページ", doc.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task An_upgrade_from_an_older_schema_keeps_existing_rows()
    {
        // Bring a database to the first migration (the squashed Initial) only, put data in it, then let the app
        // upgrade it through every later migration. Until the first release there is only Initial; from then on
        // migrations only add, and this test keeps rows written at Initial's schema alive across all of them.
        await using var app = await StartAsync(runSetupRecipe: false, freshDatabase: true);
        var migrations = await app.InTenantAsync(null, async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        await app.InTenantAsync(null, async db =>
        {
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync("0"); // back to an empty schema
            await migrator.MigrateAsync(migrations[0]);
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "Tenants" ("Name", "DisplayName", "Status", "IsHub", "IsSample", "RequiresApproval", "CreatedUtc", "UpdatedUtc") VALUES ('hub', 'ハブ', 0, TRUE, FALSE, TRUE, '2025-04-01', '2025-04-01')""");
        });

        await using var upgraded = app.StartAnotherOnSameDatabase();
        var hubName = await upgraded.InTenantAsync(null, db => db.Tenants.Where(t => t.IsHub).Select(t => t.DisplayName).SingleAsync());
        var pending = await upgraded.InTenantAsync(null, async db => (await db.Database.GetPendingMigrationsAsync()).Count());

        Assert.Equal("ハブ", hubName);
        Assert.Equal(0, pending);
    }
}

public sealed class StorageTests_Sqlite() : StorageTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task The_SQLite_file_runs_in_write_ahead_logging_mode()
    {
        await using var app = await StartAsync(runSetupRecipe: false);

        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}

public sealed class StorageTests_PostgreSql() : StorageTests(DatabaseProvider.PostgreSql);
