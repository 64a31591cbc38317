
namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// The checker with the secretariat's dictionary, built once and reused: rebuilt when this
/// instance changes the dictionary, and at most <see cref="MaxAge"/> after another instance did.
/// </summary>
public sealed class ContentCheckerProvider(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private volatile Tuple<ContentChecker, DateTimeOffset>? _current;

    public async Task<ContentChecker> GetAsync(NetworkDbContext db, CancellationToken ct)
    {
        var current = _current;
        if (current is not null && clock.GetUtcNow() - current.Item2 < MaxAge)
            return current.Item1;
        var extra = await db.NotationEntries.AsNoTracking().ToDictionaryAsync(e => e.Character, e => e.Replacement, StringComparer.Ordinal, ct);
        var checker = new ContentChecker(extra);
        _current = Tuple.Create(checker, clock.GetUtcNow());
        return checker;
    }

    public void Invalidate() => _current = null;
}
