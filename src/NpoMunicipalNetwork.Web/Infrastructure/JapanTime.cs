namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>The network works on Japan time whatever the server's zone: "today" is today in Tokyo.</summary>
public static class JapanTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
