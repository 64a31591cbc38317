namespace NpoMunicipalNetwork.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
