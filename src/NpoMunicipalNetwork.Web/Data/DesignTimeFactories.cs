using Microsoft.EntityFrameworkCore.Design;

namespace NpoMunicipalNetwork.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNetworkDbContext>
{
    public SqliteNetworkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNetworkDbContext>().UseSqlite("Data Source=design.db").Options, new TenantContext(), []);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNetworkDbContext>
{
    public PostgresNetworkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNetworkDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new TenantContext(), []);
}
