using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.WebUtilities;

namespace NpoMunicipalNetwork.Audit;

public sealed record AuditRow(string Time, string TimeIso, string? Site, string Action, string Actor, string? IpAddress, string Target, string Summary);

public sealed record AuditListModel(
    FormState Form,
    bool ShowSites,
    IReadOnlyList<AuditRow> Rows,
    Pager Pager,
    IReadOnlyList<Option> Actions,
    IReadOnlyList<Option> Sites,
    string CsvUrl);

/// <summary>
/// <c>/admin/audit</c> and <c>/admin/audit.csv</c>: the audit log, newest first, filtered by period, action,
/// actor and target. A site's administrators read their own site's entries; the secretariat, on the hub,
/// reads every site's and the network-level ones, with a site filter. Both answers share one query,
/// so the CSV can never hold an entry the page would not show.
/// </summary>
public static class AuditAdminEndpoints
{
    /// <summary>The site-filter value for entries that belong to no site; no tenant name can take this shape.</summary>
    public const string NetworkSite = "_network";

    private static readonly Breadcrumb Home = new("ダッシュボード", "/admin");
    private static readonly string[] FilterKeys = ["from", "to", "action", "actor", "target", "site"];

    public static RouteGroupBuilder MapAuditAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", List).RequirePermission(Permissions.ViewAudit);
        admin.MapGet("/audit.csv", Csv).RequirePermission(Permissions.ViewAudit);
        return admin;
    }

    /// <summary>The filters as read from the query string, the query they make (null when a filter is wrong) and the sites' names.</summary>
    private sealed record Search(FormState Form, IQueryable<AuditEntry>? Query, bool AllSites, IReadOnlyList<(int Id, string Name, string DisplayName)> Sites)
    {
        public string SiteName(int? id) => id is null ? "ネットワーク全体" : Sites.FirstOrDefault(s => s.Id == id).DisplayName ?? $"サイト #{id}";
    }

    private static async Task<Search> ReadAsync(HttpRequest request, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var form = new FormState();
        foreach (var key in FilterKeys)
            if (!string.IsNullOrWhiteSpace(request.Query[key]))
                form.Values[key] = request.Query[key].ToString().Trim();

        // Only the secretariat on the hub reads across sites; everyone else reads the current site's
        // entries, whatever the query string says (a "site" value is ignored, not obeyed).
        var allSites = request.HttpContext.User.IsNetworkAdministrator() && tenant.Tenant.IsHub;
        var sites = allSites
            ? (await db.Tenants.AsNoTracking().OrderByDescending(t => t.IsHub).ThenBy(t => t.Name).Select(t => new { t.Id, t.Name, t.DisplayName }).ToListAsync(ct))
                .Select(t => (t.Id, t.Name, t.DisplayName)).ToList()
            : [(tenant.TenantId, tenant.Tenant.Name, tenant.Tenant.DisplayName)];

        // Checked in the order of the filter form, so the error summary reads left to right.
        var from = Date(form, "from", "期間の開始日");
        var to = Date(form, "to", "期間の終了日");
        if (from is not null && to is not null && to < from)
            form.Error("to", "期間の終了日は開始日と同じか後の日付にしてください。");
        AuditAction? action = null;
        if (form.Text("action") is { } a)
        {
            if (Enum.GetNames<AuditAction>().Contains(a, StringComparer.Ordinal))
                action = Enum.Parse<AuditAction>(a);
            else
                form.Error("action", "操作の指定が正しくありません。一覧から選んでください。");
        }
        var actor = form.Optional("actor", "利用者", 100);
        var target = form.Optional("target", "対象", 200);
        int? siteId = null;
        var networkOnly = false;
        if (allSites && form.Text("site") is { } site)
        {
            if (site == NetworkSite)
                networkOnly = true;
            else if (sites.FirstOrDefault(s => s.Name == site) is { Name: not null } found)
                siteId = found.Id;
            else
                form.Error("site", $"サイト「{site}」は見つかりません。一覧から選んでください。");
        }
        if (!form.IsValid)
            return new Search(form, null, allSites, sites);

        var q = allSites
            ? db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            : db.AuditEntries.AsNoTracking().Where(e => e.TenantId == tenant.TenantId); // the query filter says the same; this says it here too
        if (networkOnly)
            q = q.Where(e => e.TenantId == null);
        else if (siteId is { } sid)
            q = q.Where(e => e.TenantId == sid);
        if (from is { } f)
        {
            var start = JapanTime.StartOfDayUtc(f);
            q = q.Where(e => e.OccurredUtc >= start);
        }
        if (to is { } t)
        {
            var end = JapanTime.StartOfDayUtc(t.AddDays(1));
            q = q.Where(e => e.OccurredUtc < end);
        }
        if (action is { } act)
            q = q.Where(e => e.Action == act);
        if (actor is not null)
            q = q.Where(e => (e.ActorName != null && e.ActorName.Contains(actor)) || e.IpAddress == actor);
        if (target is not null)
            q = q.Where(e => (e.TargetLabel != null && e.TargetLabel.Contains(target)) || e.TargetId == target);
        q = q.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id);
        return new Search(form, q, allSites, sites);
    }

    private static DateOnly? Date(FormState form, string field, string label)
    {
        if (form.Date(field, label, required: false) is not { } d)
            return null;
        if (d.Year is >= 2000 and <= 9998)
            return d;
        form.Error(field, $"{label}は 2000年以降の日付で入力してください。");
        return null;
    }


    /// <summary>The target in Japanese: the audit's own names first, else the noun a content type gives itself (募集回).</summary>
    private static string Target(AuditEntry e, WorkflowContentTypes types)
    {
        var kind = AuditTargetTypes.Japanese(e.TargetType);
        if (kind == e.TargetType && types.Find(e.TargetType) is { } type)
            kind = type.Noun;
        return $"{kind}: {e.TargetLabel ?? e.TargetId ?? "—"}";
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var search = await ReadAsync(http.Request, db, tenant, ct);
        var types = http.RequestServices.GetRequiredService<WorkflowContentTypes>();
        var list = new ListQuery(http.Request, "/admin/audit", ["time"], "time");
        var rows = new List<AuditRow>();
        var total = 0;
        if (search.Query is { } q)
        {
            total = await q.CountAsync(ct);
            rows = (await list.Apply(q).ToListAsync(ct)).Select(e =>
            {
                var jst = JapanTime.ToJst(e.OccurredUtc);
                return new AuditRow(
                    $"{JapaneseEra.FormatDate(DateOnly.FromDateTime(jst))} {jst:HH:mm:ss}",
                    jst.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+09:00",
                    search.AllSites ? search.SiteName(e.TenantId) : null,
                    e.Action.Japanese(), e.ActorName ?? "—", e.IpAddress, Target(e, types), e.Summary);
            }).ToList();
        }

        var chosenAction = search.Form.Text("action");
        var chosenSite = search.Form.Text("site");
        var model = new AuditListModel(
            search.Form, search.AllSites, rows, list.Pager(total),
            Enum.GetValues<AuditAction>().Select(a => new Option(a.ToString(), a.Japanese(), a.ToString() == chosenAction))
                .Prepend(new Option("", "すべて", string.IsNullOrEmpty(chosenAction))).ToList(),
            search.AllSites
                ? search.Sites.Select(s => new Option(s.Name, $"{s.DisplayName}（{s.Name}）", s.Name == chosenSite))
                    .Prepend(new Option(NetworkSite, "ネットワーク全体（サイトに属さない記録）", chosenSite == NetworkSite))
                    .Prepend(new Option("", "すべてのサイト", string.IsNullOrEmpty(chosenSite))).ToList()
                : [],
            QueryHelpers.AddQueryString($"{http.Request.PathBase}/admin/audit.csv",
                FilterKeys.Where(search.Form.Values.ContainsKey).ToDictionary(k => k, k => search.Form.Text(k))));
        return ThemeResults.Admin("admin/audit/index", model, new PageMeta("監査ログ", [Home, new Breadcrumb("監査ログ")]),
            search.Form.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Csv(HttpContext http, NetworkDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken ct)
    {
        var search = await ReadAsync(http.Request, db, tenant, ct);
        if (search.Query is not { } q)
            return ThemeResults.BadRequest(search.Form.Summary.Select(e => e.Message).ToList());

        http.Response.Headers.CacheControl = "no-store";
        var stamp = JapanTime.ToJst(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var site = search.AllSites ? "network" : tenant.Tenant.Name;
        var types = http.RequestServices.GetRequiredService<WorkflowContentTypes>();
        return Results.Stream(async stream =>
        {
            // Excel opens UTF-8 as Shift_JIS unless the file starts with the byte-order mark.
            await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                // Names and titles are typed by people: "=HYPERLINK(…)" must reach a spreadsheet as text.
                InjectionOptions = InjectionOptions.Escape,
            };
            await using var csv = new CsvWriter(writer, config, leaveOpen: true);
            foreach (var header in new[] { "日時（JST）", "サイト", "操作", "利用者", "IPアドレス", "対象", "内容" })
                csv.WriteField(header);
            await csv.NextRecordAsync();
            await foreach (var e in q.AsAsyncEnumerable().WithCancellation(ct))
            {
                csv.WriteField(JapanTime.ToJst(e.OccurredUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                csv.WriteField(search.SiteName(e.TenantId));
                csv.WriteField(e.Action.Japanese());
                csv.WriteField(e.ActorName ?? "");
                csv.WriteField(e.IpAddress ?? "");
                csv.WriteField(Target(e, types));
                csv.WriteField(e.Summary);
                await csv.NextRecordAsync();
            }
            await csv.FlushAsync();
            await writer.FlushAsync(ct);
        }, "text/csv; charset=utf-8", $"audit-log-{site}-{stamp}.csv");
    }
}
