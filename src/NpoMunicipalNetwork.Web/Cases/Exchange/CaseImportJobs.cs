using System.Collections.Concurrent;
using System.Threading.Channels;

namespace NpoMunicipalNetwork.Cases.Exchange;

/// <summary>
/// One uploaded file on its way through <see cref="CaseImport"/>. The counters are written by the worker
/// and read by the status page while it runs, so they are updated atomically.
/// </summary>
public sealed class CaseImportJob(TenantSnapshot tenant, Actor actor, EditorScope scope, string fileName, bool publish, byte[] data, DateTime createdUtc)
    : IImportProgress
{
    private int _phase = (int)ImportPhase.Queued;
    private int _total;
    private int _done;

    public Guid Id { get; } = Guid.NewGuid();
    public TenantSnapshot Tenant => tenant;
    public Actor Actor => actor;
    public EditorScope Scope => scope;
    public string FileName => fileName;
    public bool Publish => publish;
    public DateTime CreatedUtc => createdUtc;

    /// <summary>The file, until the worker has read it.</summary>
    public byte[]? Data { get; set; } = data;

    public ImportPhase Phase => (ImportPhase)Volatile.Read(ref _phase);
    public int Total => Volatile.Read(ref _total);
    public int Done => Volatile.Read(ref _done);

    /// <summary>Set once, when the job ends: the outcome, or the failure message when it crashed.</summary>
    public ImportOutcome? Outcome { get; private set; }
    public string? Failure { get; private set; }
    public DateTime? FinishedUtc { get; private set; }

    void IImportProgress.Phase(ImportPhase phase, int total)
    {
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _done, phase == ImportPhase.Done ? total : 0);
        Volatile.Write(ref _phase, (int)phase);
    }

    void IImportProgress.Advance() => Interlocked.Increment(ref _done);

    public void Finish(ImportOutcome? outcome, string? failure, DateTime now)
    {
        Outcome = outcome;
        Failure = failure;
        FinishedUtc = now;
        Data = null;
        Volatile.Write(ref _phase, (int)ImportPhase.Done);
    }
}

/// <summary>
/// The import jobs of this app instance: a queue the worker takes them from one at a time (so imports
/// never compete for the database's write lock), and the jobs by id for their status pages. Kept in
/// memory: a job's status page must be asked of the instance that took the upload (sticky sessions behind
/// a load balancer); finished jobs are forgotten after <see cref="KeepFor"/>. The result itself is in the
/// database and the audit log either way.
/// </summary>
public sealed class CaseImportJobs(TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<Guid, CaseImportJob> _jobs = new();
    private readonly Channel<CaseImportJob> _queue = Channel.CreateUnbounded<CaseImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<CaseImportJob> Queue => _queue.Reader;

    public CaseImportJob Enqueue(CaseImportJob job)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in _jobs.Values.Where(j => j.FinishedUtc < now - KeepFor))
            _jobs.TryRemove(old.Id, out _);
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job;
    }

    /// <summary>The job, if it was started on this site by this user; nobody else sees its report.</summary>
    public CaseImportJob? Find(Guid id, int tenantId, int userId) =>
        _jobs.TryGetValue(id, out var job) && job.Tenant.Id == tenantId && job.Actor.UserId == userId ? job : null;
}

/// <summary>Runs queued imports in their own unit of work, as their tenant, one after another.</summary>
public sealed class CaseImportWorker(CaseImportJobs jobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<CaseImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().Set(job.Tenant);
                var import = scope.ServiceProvider.GetRequiredService<CaseImport>();
                var outcome = await import.RunAsync(job.Data ?? [], job.Scope, job.Actor, job.Publish, job, stoppingToken);
                job.Finish(outcome, null, clock.GetUtcNow().UtcDateTime);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Case import {Job} of tenant {Tenant} failed", job.Id, job.Tenant.Name);
                job.Finish(null, "取り込みの途中で問題が発生したため、何も登録していません。時間をおいてもう一度お試しください。", clock.GetUtcNow().UtcDateTime);
            }
        }
    }
}
