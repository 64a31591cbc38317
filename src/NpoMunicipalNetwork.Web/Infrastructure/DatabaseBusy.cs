using Microsoft.Data.Sqlite;
using Npgsql;

namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// A database that is busy past its wait (SQLite's write lock held by a long import, a PostgreSQL lock or a full
/// connection pool) is not a bug: the request can simply be tried again. The error pages answer 503 with
/// <c>Retry-After</c> for it instead of a 500.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case PostgresException { SqlState: "55P03" or "40P01" or "53300" }: // lock not available, deadlock, too many connections
                case NpgsqlException { InnerException: TimeoutException }:
                case InvalidOperationException when e.Message.Contains("connection pool", StringComparison.OrdinalIgnoreCase)
                                                   && e.Message.Contains("exhausted", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }
        return false;
    }
}
