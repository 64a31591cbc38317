using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.Recipes;

namespace NpoMunicipalNetwork.Data;

/// <summary>
/// Brings the database to the current schema on start (EF Core migrations; existing data is kept)
/// and, on a database with no hub yet, applies the setup recipe.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<NetworkDbContext>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a writer commits; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        // Asking first spares every start on an up-to-date database the migrator's model comparison (about a fifth of
        // a second); StorageTests checks that the model has no changes the migrations lack. Instances that start
        // together and both see a pending migration are serialised by MigrateAsync's own lock.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            await db.Database.MigrateAsync(ct);

        var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.SkipSetupRecipe || await db.Tenants.AnyAsync(t => t.IsHub, ct))
            return;

        var recipes = ContentFolders.Locate("recipes", sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IConfiguration>()["Recipes:Path"]);
        var path = Path.GetFullPath(options.SetupRecipe, recipes);
        var recipe = RecipeReader.Read(path);
        if (!recipe.IsSetupRecipe)
            throw new InvalidOperationException($"{recipe.FileName} is not a setup recipe (issetuprecipe is not true).");

        logger.LogInformation("Empty database: applying setup recipe {Recipe}", recipe.FileName);
        await sp.GetRequiredService<RecipeExecutor>().ApplyAsync(recipe, ct: ct);
        if (!string.IsNullOrEmpty(options.SampleRecipe))
        {
            var samples = RecipeReader.Read(Path.GetFullPath(options.SampleRecipe, recipes));
            logger.LogInformation("Applying sample content recipe {Recipe}", samples.FileName);
            await sp.GetRequiredService<RecipeExecutor>().ApplyAsync(samples, ct: ct);
        }
    }

    public static string? SqliteFile(NetworkDbContext db) =>
        db.Database.IsSqlite() ? new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource : null;
}
