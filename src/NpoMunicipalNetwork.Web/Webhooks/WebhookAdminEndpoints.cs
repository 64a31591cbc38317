using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Webhooks;

public sealed record WebhookRow(int Id, string Url, string Events, string? Description, string SecretHint, string CreatedAt, string? CreatedBy, string ShowUrl,
    int Pending, int Failed);

public sealed record WebhookDeliveryRow(string Key, string Event, string Status, bool IsFailed, int Attempts, string? LastAttemptAt, string? NextAttemptAt,
    int? LastStatusCode, string? LastError, string? Url, string RetryUrl);

public sealed record WebhookIndexModel(IReadOnlyList<WebhookRow> Subscriptions, IReadOnlyList<WebhookDeliveryRow> Deliveries, FormState Form,
    IReadOnlyList<Option> Events, string Action, string Retries, bool Deleted, bool CanAdd, int Max);

public sealed record WebhookShowModel(WebhookRow Subscription, IReadOnlyList<WebhookDeliveryRow> Deliveries, string DeleteUrl, string ListUrl, string PingUrl,
    string? Notice);

public sealed record WebhookCreatedModel(WebhookRow Subscription, string Secret, string ListUrl);

/// <summary>
/// <c>/admin/webhooks</c> on a member site (and the hub): subscribe a URL to events, see each delivery and
/// its attempts, delete a subscription. The secret is shown once, on the page that answers the creation.
/// </summary>
public static class WebhookAdminEndpoints
{
    private static readonly AdminSection Section = new("Webhook", "/webhooks", Permissions.ManageWebhooks);

    /// <summary>How many deliveries the pages list, newest first.</summary>
    private const int LogSize = 50;

    public static RouteGroupBuilder MapWebhookAdmin(this RouteGroupBuilder admin)
    {
        var g = Section.MapGroup(admin);
        g.MapGet("/", (HttpContext http, NetworkDbContext db, IOptions<WebhookOptions> o, CancellationToken ct) => Index(http, db, o.Value, new FormState(), 200, ct));
        g.MapPost("/", Create);
        g.MapGet("/{id:int}", Show);
        g.MapGet("/{id:int}/delete", ConfirmDelete);
        g.MapPost("/{id:int}/delete", Delete);
        g.MapPost("/{id:int}/ping", WebhookManualSends.Ping);
        g.MapPost("/{id:int}/deliveries/{key:guid}/retry", WebhookManualSends.Retry);
        return admin;
    }

    private static string Base(HttpContext http) => $"{http.Request.PathBase}/admin/webhooks";

    private static WebhookEventTypes Events(HttpContext http) => http.RequestServices.GetRequiredService<WebhookEventTypes>();

    private static string EventNames(HttpContext http, WebhookSubscription s) =>
        string.Join("、", s.EventNames.Select(n => Events(http).Find(n) is { } t ? $"{t.Name}（{t.Japanese}）" : n));

    private static async Task<List<WebhookRow>> RowsAsync(HttpContext http, NetworkDbContext db, IQueryable<WebhookSubscription> subscriptions, CancellationToken ct)
    {
        var list = await subscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        var ids = list.Select(s => s.Id).ToList();
        var counts = await db.WebhookDeliveries.Where(d => ids.Contains(d.SubscriptionId) && d.Status != WebhookDeliveryStatus.Delivered)
            .GroupBy(d => new { d.SubscriptionId, d.Status }).Select(g => new { g.Key.SubscriptionId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(int id, WebhookDeliveryStatus status) => counts.FirstOrDefault(c => c.SubscriptionId == id && c.Status == status)?.Count ?? 0;
        return list.Select(s => new WebhookRow(s.Id, s.Url, EventNames(http, s), s.Description, $"…{s.SecretHint}", JapanTime.FormatDateTime(s.CreatedUtc), s.CreatedByName,
            $"{Base(http)}/{s.Id}", Count(s.Id, WebhookDeliveryStatus.Pending), Count(s.Id, WebhookDeliveryStatus.Failed))).ToList();
    }

    /// <summary>Deliveries of the given subscriptions only: the subscriptions are read through the tenant filter first.</summary>
    private static async Task<List<WebhookDeliveryRow>> DeliveriesAsync(HttpContext http, NetworkDbContext db, IReadOnlyList<WebhookRow> subscriptions, CancellationToken ct)
    {
        var ids = subscriptions.Select(s => s.Id).ToList();
        var urls = subscriptions.ToDictionary(s => s.Id, s => s.Url);
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.SubscriptionId)).OrderByDescending(d => d.Id).Take(LogSize)
            .Select(d => new { d.Key, d.Event!.Type, d.Status, d.Attempts, d.LastAttemptUtc, d.NextAttemptUtc, d.LastStatusCode, d.LastError, d.SubscriptionId })
            .ToListAsync(ct);
        return rows.Select(d => new WebhookDeliveryRow(d.Key.ToString(), d.Type, d.Status.Japanese(), d.Status == WebhookDeliveryStatus.Failed, d.Attempts,
            d.LastAttemptUtc is { } a ? JapanTime.FormatDateTime(a) : null,
            d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptUtc is { } n ? JapanTime.FormatDateTime(n) : null,
            d.LastStatusCode, d.LastError, urls.GetValueOrDefault(d.SubscriptionId), $"{Base(http)}/{d.SubscriptionId}/deliveries/{d.Key}/retry")).ToList();
    }

    private static async Task<IResult> Index(HttpContext http, NetworkDbContext db, WebhookOptions options, FormState form, int status, CancellationToken ct)
    {
        var rows = await RowsAsync(http, db, db.WebhookSubscriptions, ct);
        var chosen = form.Many("events");
        var retries = options.RetryDelays();
        return ThemeResults.Admin("admin/webhooks/index", new WebhookIndexModel(rows, await DeliveriesAsync(http, db, rows, ct), form,
                Events(http).All.Select(t => new Option(t.Name, $"{t.Name}（{t.Japanese}）", chosen.Contains(t.Name))).ToList(), Base(http),
                retries.Count == 0 ? "再送しません" : $"{string.Join("、", retries.Select(Wait))}後に再送し、それでも届かなければ失敗とします（最大{retries.Count + 1}回）",
                http.Request.Query["deleted"] == "1", rows.Count < options.MaxSubscriptionsPerSite, options.MaxSubscriptionsPerSite),
            Section.ListMeta(), status);
    }

    private static string Wait(TimeSpan t) => t.TotalHours >= 1 && t.TotalHours == Math.Floor(t.TotalHours) ? $"{t.TotalHours:0}時間" : $"{t.TotalMinutes:0.#}分";

    private static async Task<IResult> Create(HttpContext http, IFormCollection input, NetworkDbContext db, IOptions<WebhookOptions> options, IWebHostEnvironment env,
        IDataProtectionProvider protection, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var o = options.Value;
        var form = FormState.From(input);
        var url = form.Required("url", "送信先のURL", WebhookSubscription.UrlLength);
        if (url is not null && WebhookAddresses.Problem(url, env.IsDevelopment(), o.AllowPrivateAddresses) is { } problem)
            form.Error("url", problem);
        var events = form.Many("events").Distinct().ToList();
        if (events.Count == 0)
            form.Error("events", "送信するイベントを1つ以上選んでください。");
        else if (events.FirstOrDefault(e => Events(http).Find(e) is null) is { } unknown)
            form.Error("events", $"送信するイベント「{unknown}」はありません。一覧から選んでください。");
        var description = form.Optional("description", "メモ", WebhookSubscription.DescriptionLength);
        if (await db.WebhookSubscriptions.CountAsync(ct) >= o.MaxSubscriptionsPerSite)
            form.Error("url", $"送信先は1つのサイトにつき{o.MaxSubscriptionsPerSite}件までです。使わないものを削除してから登録してください。");
        if (!form.IsValid)
            return await Index(http, db, o, form, 400, ct);

        var secret = WebhookBody.NewSecret();
        var subscription = new WebhookSubscription
        {
            Url = url!, Events = WebhookSubscription.JoinEvents(Events(http).All.Select(t => t.Name).Where(events.Contains)), Description = description,
            ProtectedSecret = protection.CreateProtector(WebhookSecrets.Purpose).Protect(secret), SecretHint = secret[^4..],
            CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedByName = http.User.FindFirst(NetworkClaims.DisplayName)?.Value,
        };
        // The id exists only once saved; the audit entry that names it commits with it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditAction.Create, Target(subscription), $"Webhook の送信先 {subscription.Url} を登録しました（{string.Join("、", subscription.EventNames)}）。");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var row = (await RowsAsync(http, db, db.WebhookSubscriptions.Where(s => s.Id == subscription.Id), ct)).Single();
        // Shown once: the page is not cached and the secret is never displayed again.
        http.Response.Headers.CacheControl = "no-store";
        return ThemeResults.Admin("admin/webhooks/created", new WebhookCreatedModel(row, secret, Base(http)),
            new PageMeta("送信先を登録しました", Section.Trail(new Breadcrumb("登録しました"))), StatusCodes.Status201Created);
    }

    internal static AuditTarget Target(WebhookSubscription s) => new(AuditTargetTypes.Webhook, s.Id.ToString(), s.Url);

    private static async Task<IResult> Show(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var rows = await RowsAsync(http, db, db.WebhookSubscriptions.Where(s => s.Id == id), ct);
        if (rows.Count == 0)
            return ThemeResults.NotFound();
        var notice = http.Request.Query["sent"].ToString() switch
        {
            "ping" => "テスト送信（ping）を予約しました。数秒後にこのページを読み込み直すと、下の記録に結果が出ます。",
            "retry" => "再送を予約しました。数秒後にこのページを読み込み直すと、下の記録に結果が出ます。",
            _ => null,
        };
        return ThemeResults.Admin("admin/webhooks/show", new WebhookShowModel(rows[0], await DeliveriesAsync(http, db, rows, ct), $"{Base(http)}/{id}/delete", Base(http),
                $"{Base(http)}/{id}/ping", notice),
            new PageMeta("送信先と送信の記録", Section.Trail(new Breadcrumb("送信先"))));
    }

    private static async Task<IResult> ConfirmDelete(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var s = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
            return ThemeResults.NotFound();
        return ThemeResults.Admin("admin/confirm", new ConfirmModel($"送信先 {s.Url} を削除します",
                "削除すると、この送信先にはイベントが送られなくなり、送信の記録も消えます。元に戻せません。", $"{Base(http)}/{id}/delete", $"{Base(http)}/{id}", "削除する", []),
            new PageMeta("送信先の削除", Section.Trail(new Breadcrumb("削除"))));
    }

    private static async Task<IResult> Delete(int id, HttpContext http, IFormCollection _, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var s = await db.WebhookSubscriptions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
            return ThemeResults.NotFound();
        db.WebhookSubscriptions.Remove(s); // its deliveries go with it (cascade)
        audit.Record(AuditAction.Delete, Target(s), $"Webhook の送信先 {s.Url} を削除しました。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{Base(http)}?deleted=1");
    }
}
