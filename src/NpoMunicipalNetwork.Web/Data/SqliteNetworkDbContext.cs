
namespace NpoMunicipalNetwork.Data;

/// <summary>The SQLite flavour of the model; its migrations live in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteNetworkDbContext(DbContextOptions<SqliteNetworkDbContext> options, TenantContext tenant,
    IEnumerable<ISaveChangesParticipant> participants)
    : NetworkDbContext(options, tenant, participants);
