using System.Security.Cryptography;

namespace NpoMunicipalNetwork.Forums;

/// <summary>What a person asked for; already validated.</summary>
public sealed record RegistrationRequest(string Name, string? Organization, ParticipantKind Kind, string Email, string? AccessibilityNeeds, IReadOnlyList<int> SessionIds);

public enum RegistrationOutcome
{
    Confirmed,
    Waitlisted,
    AlreadyRegistered,
}

/// <summary>
/// Places and the waitlist. Every change first bumps <see cref="Forum.RegistrationSequence"/> with an
/// UPDATE, inside the same transaction as the rest: that statement takes the forum row's lock on
/// PostgreSQL and the database write lock on SQLite, so two requests never count the same free place.
/// Counting under the lock (not a cached counter) means the numbers can never drift from the rows.
/// Inside one process, requests for the same forum also queue on <see cref="RegistrationGate"/> first,
/// so they wait their turn instead of polling SQLite's busy lock; correctness never depends on it.
/// </summary>
public sealed class RegistrationBook(NetworkDbContext db, TimeProvider clock, RegistrationGate gate)
{
    public sealed record Result(RegistrationOutcome Outcome, Registration? Registration);

    public async Task<Result> RegisterAsync(int forumId, RegistrationRequest request, CancellationToken ct)
    {
        var email = RegistrationNames.Normalize(request.Email);
        using var turn = await gate.EnterAsync(forumId, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var sequence = await LockAsync(forumId, ct);

            var existing = await db.Registrations.Include(r => r.Sessions).FirstOrDefaultAsync(r => r.ForumId == forumId && r.NormalizedEmail == email, ct);
            if (existing is { Status: not RegistrationStatus.Cancelled })
                return new Result(RegistrationOutcome.AlreadyRegistered, existing);

            var fits = await FitsAsync(forumId, request.SessionIds, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var registration = existing ?? new Registration { Name = request.Name, Email = request.Email, NormalizedEmail = email, CancelToken = "", ForumId = forumId, CreatedUtc = now };
            if (existing is null)
                db.Registrations.Add(registration);
            registration.Name = request.Name;
            registration.Email = request.Email.Trim();
            registration.Organization = request.Organization;
            registration.Kind = request.Kind;
            registration.AccessibilityNeeds = request.AccessibilityNeeds;
            registration.Status = fits ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
            registration.Sequence = sequence;
            registration.CancelToken = NewToken();
            registration.UpdatedUtc = now;
            // A returning person keeps the rows of sessions chosen again: remove the others, add the new ones.
            var chosen = request.SessionIds.Distinct().ToList();
            registration.Sessions.RemoveAll(x => !chosen.Contains(x.SessionId));
            registration.Sessions.AddRange(chosen.Where(id => registration.Sessions.All(x => x.SessionId != id)).Select(id => new RegistrationSession { SessionId = id }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Result(fits ? RegistrationOutcome.Confirmed : RegistrationOutcome.Waitlisted, registration);
        });
    }

    /// <summary>Cancels and, in the same transaction, promotes waitlisted registrations in order while places fit. Returns the promoted.</summary>
    public async Task<(Registration? Cancelled, IReadOnlyList<Registration> Promoted)> CancelAsync(string token, CancellationToken ct)
    {
        var forumId = await db.Registrations.Where(r => r.CancelToken == token).Select(r => (int?)r.ForumId).FirstOrDefaultAsync(ct);
        if (forumId is null)
            return (null, []);
        using var turn = await gate.EnterAsync(forumId.Value, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LockAsync(forumId.Value, ct);
            var registration = await db.Registrations.FirstOrDefaultAsync(r => r.CancelToken == token, ct);
            if (registration is null || registration.Status == RegistrationStatus.Cancelled)
                return (registration, (IReadOnlyList<Registration>)[]);
            var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
            registration.Status = RegistrationStatus.Cancelled;
            registration.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            var promoted = wasConfirmed ? await PromoteAsync(forumId.Value, ct) : [];
            await tx.CommitAsync(ct);
            return (registration, promoted);
        });
    }

    /// <summary>After the organisers raise a capacity: fills the new places from the waitlist, in order.</summary>
    public async Task<IReadOnlyList<Registration>> FillFromWaitlistAsync(int forumId, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(forumId, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LockAsync(forumId, ct);
            var promoted = await PromoteAsync(forumId, ct);
            await tx.CommitAsync(ct);
            return promoted;
        });
    }

    private async Task<IReadOnlyList<Registration>> PromoteAsync(int forumId, CancellationToken ct)
    {
        var waiting = await db.Registrations.Include(r => r.Sessions)
            .Where(r => r.ForumId == forumId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.Sequence).ToListAsync(ct);
        var promoted = new List<Registration>();
        foreach (var r in waiting)
        {
            // In order; someone whose chosen session is still full keeps their turn while later people fit elsewhere.
            if (!await FitsAsync(forumId, r.Sessions.Select(s => s.SessionId).ToList(), ct))
            {
                if (await ForumIsFullAsync(forumId, ct))
                    break;
                continue;
            }
            r.Status = RegistrationStatus.Confirmed;
            r.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            promoted.Add(r);
        }
        return promoted;
    }

    /// <summary>The UPDATE that serialises registration changes of one forum; returns the new sequence value.</summary>
    private async Task<int> LockAsync(int forumId, CancellationToken ct)
    {
        await db.Forums.Where(f => f.Id == forumId).ExecuteUpdateAsync(s => s.SetProperty(f => f.RegistrationSequence, f => f.RegistrationSequence + 1), ct);
        return await db.Forums.Where(f => f.Id == forumId).Select(f => f.RegistrationSequence).SingleAsync(ct);
    }

    private async Task<bool> ForumIsFullAsync(int forumId, CancellationToken ct)
    {
        var capacity = await db.Forums.Where(f => f.Id == forumId).Select(f => f.Capacity).SingleAsync(ct);
        return capacity is { } c && await db.Registrations.CountAsync(r => r.ForumId == forumId && r.Status == RegistrationStatus.Confirmed, ct) >= c;
    }

    private async Task<bool> FitsAsync(int forumId, IReadOnlyCollection<int> sessionIds, CancellationToken ct)
    {
        if (await ForumIsFullAsync(forumId, ct))
            return false;
        if (sessionIds.Count == 0)
            return true;
        var limited = await db.ForumSessions.Where(s => s.ForumId == forumId && sessionIds.Contains(s.Id) && s.Capacity != null)
            .Select(s => new
            {
                s.Capacity,
                Taken = db.Set<RegistrationSession>().Count(x => x.SessionId == s.Id
                    && db.Set<Registration>().Any(r => r.Id == x.RegistrationId && r.Status == RegistrationStatus.Confirmed)),
            }).ToListAsync(ct);
        return limited.All(s => s.Taken < s.Capacity);
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}

/// <summary>One queue per forum inside this process (see <see cref="RegistrationBook"/>).</summary>
public sealed class RegistrationGate
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, SemaphoreSlim> _forums = new();

    public async Task<IDisposable> EnterAsync(int forumId, CancellationToken ct)
    {
        var semaphore = _forums.GetOrAdd(forumId, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(ct);
        return new Turn(semaphore);
    }

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                semaphore.Release();
        }
    }
}
