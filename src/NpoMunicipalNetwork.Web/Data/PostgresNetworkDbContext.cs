
namespace NpoMunicipalNetwork.Data;

/// <summary>The PostgreSQL flavour of the model; its migrations live in <c>Data/Migrations/PostgreSql</c>.</summary>
public sealed class PostgresNetworkDbContext(DbContextOptions<PostgresNetworkDbContext> options, TenantContext tenant,
    IEnumerable<ISaveChangesParticipant> participants)
    : NetworkDbContext(options, tenant, participants);
