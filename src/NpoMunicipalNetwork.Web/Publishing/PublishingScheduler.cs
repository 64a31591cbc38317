
namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// Opens approved pages at their publish date (公開予約) and closes live pages at their close date
/// (公開終了). State lives in the database, so a restart loses nothing. Each item is claimed with a
/// conditional UPDATE on its version before anything else happens: with several instances on one
/// database exactly one wins, and the others find nothing to do.
/// </summary>
public sealed class PublishingScheduler(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<PublishingScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.GetValue("Publishing:SchedulerSeconds", 30));
        if (interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await SendRemindersAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Publishing scheduler run failed; retrying on the next tick.");
            }
        }
    }

    /// <summary>One pass over due items of every tenant; returns how many this instance opened and closed.</summary>
    public async Task<(int Opened, int Closed)> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        int opened = 0, closed = 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();

        foreach (var type in scope.ServiceProvider.GetRequiredService<WorkflowContentTypes>().All)
        {
            foreach (var item in await type.DueToOpenAsync(db, now, ct))
                if (await InTenantAsync(item.TenantId, sp => OpenAsync(sp, type, item, now, ct), ct))
                    opened++;
            foreach (var item in await type.DueToCloseAsync(db, now, ct))
                if (await InTenantAsync(item.TenantId, sp => CloseAsync(sp, type, item, now, ct), ct))
                    closed++;
        }

        if (opened + closed > 0)
            logger.LogInformation("Scheduler opened {Opened} and closed {Closed} item(s).", opened, closed);
        return (opened, closed);
    }

    /// <summary>
    /// Reminds the current approvers of requests open longer than <c>Publishing:ReminderDays</c> (default 3),
    /// at most once a day per request; the reminder time is claimed by a conditional UPDATE, so one instance sends it.
    /// </summary>
    public async Task<int> SendRemindersAsync(CancellationToken ct = default)
    {
        var days = config.GetValue("Publishing:ReminderDays", 3);
        if (days <= 0)
            return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var olderThan = now.AddDays(-days);
        var dayAgo = now.AddDays(-1);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var due = await db.ApprovalRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Status == ApprovalStatus.Open && r.CreatedUtc <= olderThan && (r.LastReminderUtc == null || r.LastReminderUtc <= dayAgo))
            .Select(r => new { r.Id, r.TenantId, r.LastReminderUtc }).ToListAsync(ct);
        var sent = 0;
        foreach (var item in due)
        {
            var claimed = await InTenantAsync(item.TenantId, async sp =>
            {
                var tdb = sp.GetRequiredService<NetworkDbContext>();
                var rows = await tdb.ApprovalRequests.Where(r => r.Id == item.Id && r.LastReminderUtc == item.LastReminderUtc)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastReminderUtc, now), ct);
                if (rows == 0)
                    return false;
                var request = await tdb.ApprovalRequests.AsNoTracking().SingleAsync(r => r.Id == item.Id, ct);
                var title = (await sp.GetRequiredService<WorkflowContentTypes>().Get(request.ContentType).StatesAsync(tdb, [request.ContentId], ct))
                    .GetValueOrDefault(request.ContentId).Title ?? "";
                var tenant = sp.GetRequiredService<TenantContext>();
                var baseUrl = (config["Network:PublicBaseUrl"] ?? "").TrimEnd('/');
                await sp.GetRequiredService<WorkflowNotifier>().RemindAsync(request, title, $"{baseUrl}/{tenant.Tenant.Name}/admin/approvals/{request.Id}", days, ct);
                return true;
            }, ct);
            if (claimed)
                sent++;
        }
        return sent;
    }

    private async Task<bool> InTenantAsync(int tenantId, Func<IServiceProvider, Task<bool>> work, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var catalog = scope.ServiceProvider.GetRequiredService<TenantCatalog>();
        var tenant = await catalog.FindByIdAsync(tenantId, ct);
        if (tenant is null)
            return false;
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return await work(scope.ServiceProvider);
    }

    private static readonly Audit.AuditActor Scheduler = new(null, "公開予約（自動）");

    private static async Task<bool> OpenAsync(IServiceProvider sp, WorkflowContentType type, DueItem due, DateTime now, CancellationToken ct)
    {
        var db = sp.GetRequiredService<NetworkDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The claim: only the instance whose UPDATE matches the version it read goes on.
        if (!await type.ClaimAsync(db, due.Id, due.Version, ct))
            return false;
        var item = await type.FindAsync(db, due.Id, ct);
        if (item is not { WorkflowState: WorkflowState.Scheduled })
            return false;
        var revision = await db.ContentRevisions.SingleAsync(r => r.Id == item.WorkingRevisionId, ct);
        type.Workflow(sp).Open(item, revision, now);
        sp.GetRequiredService<Audit.AuditLog>().Record(Audit.AuditAction.Publish, type.Target(item), $"{type.Noun}「{item.Title}」を予約どおり公開", Scheduler);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Closes through a tracked save (not a bulk UPDATE), so the page cache and the search change log see it.</summary>
    private static async Task<bool> CloseAsync(IServiceProvider sp, WorkflowContentType type, DueItem due, DateTime now, CancellationToken ct)
    {
        var db = sp.GetRequiredService<NetworkDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await type.ClaimAsync(db, due.Id, due.Version, ct))
            return false;
        var item = await type.FindAsync(db, due.Id, ct);
        if (item is not { IsPublished: true })
            return false;
        item.IsPublished = false;
        item.ClosedUtc = now;
        sp.GetRequiredService<Audit.AuditLog>().Record(Audit.AuditAction.Close, type.Target(item), $"{type.Noun}「{item.Title}」を予約どおり公開終了", Scheduler);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
