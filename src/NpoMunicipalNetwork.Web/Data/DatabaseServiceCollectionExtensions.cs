using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NpoMunicipalNetwork.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "Default";

    /// <summary>
    /// Registers <see cref="NetworkDbContext"/> on the configured provider: SQLite under
    /// <c>App_Data/</c> unless <c>Database:Provider</c> says PostgreSql.
    /// </summary>
    public static IServiceCollection AddNetworkDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(config.GetSection(DatabaseOptions.Section));
        var connectionString = config.GetConnectionString(ConnectionStringName);

        switch (options.Provider)
        {
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:Default is empty.");
                services.AddDbContext<PostgresNetworkDbContext>((sp, o) => o.UseNpgsql(connectionString,
                    npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory")).AddInterceptors(Interceptors(sp)));
                services.AddScoped<NetworkDbContext>(sp => sp.GetRequiredService<PostgresNetworkDbContext>());
                break;
            default:
                var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString)
                    ? "Data Source=App_Data/network.db" : connectionString);
                if (!Path.IsPathRooted(sqlite.DataSource) && sqlite.DataSource != ":memory:")
                    sqlite.DataSource = Path.Combine(contentRoot, sqlite.DataSource);
                Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
                sqlite.ForeignKeys = true;
                services.AddDbContext<SqliteNetworkDbContext>((sp, o) => o.UseSqlite(sqlite.ToString()).AddInterceptors(Interceptors(sp)));
                services.AddScoped<NetworkDbContext>(sp => sp.GetRequiredService<SqliteNetworkDbContext>());
                break;
        }
        return services;
    }

    /// <summary>Every interceptor the core and the features registered (<c>services.AddSingleton&lt;IInterceptor&gt;(…)</c>), in registration order.</summary>
    private static IInterceptor[] Interceptors(IServiceProvider sp) => sp.GetServices<IInterceptor>().ToArray();
}
