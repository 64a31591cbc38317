using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Forums;

public sealed record ForumAdminRow(int Id, int Edition, int FiscalYear, string Title, string Status, string Hosts, string EditUrl, int Confirmed, int Waitlisted);

public sealed record ForumAdminIndexModel(IReadOnlyList<ForumAdminRow> Forums, bool CanCreate, string NewUrl);

/// <summary>
/// Forums in the admin area (<c>/admin/forums</c> on the hub, <c>/{site}/admin/forums</c> on a member site).
/// The secretariat creates forums and assigns organisers; an organiser edits only the forums assigned to them.
/// </summary>
public static class ForumAdminEndpoints
{
    internal static readonly AdminSection Section = new("フォーラム", "/forums", Permissions.OrganizeForums);

    public static RouteGroupBuilder MapForumAdmin(this RouteGroupBuilder admin)
    {
        var g = Section.MapGroup(admin);
        g.MapGet("/", List);
        g.MapGet("/new", (HttpContext http) => Form(http, Defaults(), null)).RequirePermission(Permissions.ManageForums);
        g.MapPost("/", Create).RequirePermission(Permissions.ManageForums);
        g.MapGet("/{id:int}/edit", Edit);
        g.MapPost("/{id:int}", Update);
        g.MapForumOrganizerAdmin();
        g.MapForumSessionAdmin();
        g.MapForumMaterialAdmin();
        g.MapForumReportAdmin();
        g.MapRegistrationAdmin();
        return admin;
    }

    private static FormState Defaults()
    {
        var form = new FormState();
        form.Values["status"] = ForumStatus.Planned.ToString();
        return form;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var forums = await ForumAccess.Managed(http, db).AsNoTracking().Include(f => f.Hosts)
            .OrderByDescending(f => f.FiscalYear).ThenByDescending(f => f.Edition).ToListAsync(ct);
        var ids = forums.Select(f => f.Id).ToList();
        var counts = await db.Registrations.Where(r => ids.Contains(r.ForumId)).GroupBy(r => new { r.ForumId, r.Status })
            .Select(g => new { g.Key.ForumId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var codes = forums.SelectMany(f => f.Hosts).Select(h => h.GovernmentCode).Distinct().ToList();
        var names = await db.Governments.Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        int Count(int id, RegistrationStatus s) => counts.FirstOrDefault(c => c.ForumId == id && c.Status == s)?.Count ?? 0;
        var rows = forums.Select(f => new ForumAdminRow(f.Id, f.Edition, f.FiscalYear, f.Title, f.Status.Japanese(),
            string.Join("、", f.Hosts.Select(h => names.GetValueOrDefault(h.GovernmentCode, h.GovernmentCode))),
            ForumAccess.AdminUrl(http, f.Id, "/edit"), Count(f.Id, RegistrationStatus.Confirmed), Count(f.Id, RegistrationStatus.Waitlisted))).ToList();
        var canCreate = http.User.IsNetworkAdministrator() && http.RequestServices.GetRequiredService<Tenants.TenantContext>().Tenant.IsHub;
        return ThemeResults.Admin("admin/forums/index", new ForumAdminIndexModel(rows, canCreate, $"{http.Request.PathBase}/admin/forums/new"),
            Section.ListMeta());
    }

    private static IResult Form(HttpContext http, FormState form, int? id, int status = 200, string? notice = null)
    {
        var selected = form.Text("status");
        var options = new Dictionary<string, IReadOnlyList<Option>>
        {
            ["status"] = Enum.GetValues<ForumStatus>().Select(s => new Option(s.ToString(), s.Japanese(), s.ToString() == selected)).ToList(),
        };
        var title = id is null ? "フォーラムの作成" : "フォーラムの編集";
        var basePath = http.Request.PathBase.Value;
        object? links = id is null ? null : new
        {
            sessions_url = ForumAccess.AdminUrl(http, id.Value, "/sessions"),
            materials_url = ForumAccess.AdminUrl(http, id.Value, "/materials"),
            report_url = ForumAccess.AdminUrl(http, id.Value, "/report"),
            registrations_url = ForumAccess.AdminUrl(http, id.Value, "/registrations"),
            organizers_url = http.User.IsNetworkAdministrator() ? ForumAccess.AdminUrl(http, id.Value, "/organizers") : null,
        };
        return ThemeResults.Admin("admin/forums/edit",
            new EditFormModel(form, $"{basePath}/admin/forums" + (id is null ? "" : $"/{id}"), id is null, options, Notice: notice, Extra: links),
            new PageMeta(title, Section.Trail(new Breadcrumb(title))), status);
    }

    private sealed record ForumInput(int Edition, int FiscalYear, string Title, IReadOnlyList<string> HostCodes, ForumStatus Status, string? Summary,
        string? VenueName, string? VenueAddress, string? VenueAccess, DateOnly? StartsOn, DateOnly? EndsOn, int? Capacity, DateOnly? ClosesOn);

    private static async Task<ForumInput?> ReadAsync(FormState form, NetworkDbContext db, int? id, CancellationToken ct)
    {
        var edition = form.OptionalInt("edition", "回", 1, 1000);
        if (edition is null && string.IsNullOrEmpty(form.Text("edition")))
            form.Error("edition", "回を入力してください。");
        var year = form.OptionalInt("fiscalYear", "開催年度（西暦）", 1990, 2200);
        if (year is null && string.IsNullOrEmpty(form.Text("fiscalYear")))
            form.Error("fiscalYear", "開催年度（西暦）を入力してください。");
        var title = form.Required("title", "名称", 200);
        var codes = (form.Text("hosts") ?? "").Split([',', '、', ' ', '　', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        foreach (var code in codes)
            if (LocalGovernmentCode.Validate(code) is { } problem)
            {
                form.Error("hosts", $"開催団体: {problem}");
                break;
            }
        if (form.IsValid && codes.Count > 0)
        {
            var known = await db.Governments.Where(g => codes.Contains(g.Code)).Select(g => g.Code).ToListAsync(ct);
            if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
                form.Error("hosts", $"開催団体: 地方公共団体コード「{unknown}」は団体名簿にありません。");
        }
        if (!Enum.TryParse<ForumStatus>(form.Text("status"), out var status) || !Enum.IsDefined(status) || int.TryParse(form.Text("status"), out _))
            form.Error("status", "状態を選んでください。");
        var summary = form.Optional("summary", "概要", 4000);
        var venueName = form.Optional("venueName", "会場名", 200);
        var venueAddress = form.Optional("venueAddress", "会場の所在地", 400);
        var venueAccess = form.Optional("venueAccess", "会場へのアクセス", 1000);
        var startsOn = form.Date("startsOn", "開催日（初日）", required: false);
        var endsOn = form.Date("endsOn", "開催日（最終日）", required: false);
        if (startsOn is not null && endsOn is not null && endsOn < startsOn)
            form.Error("endsOn", "開催日（最終日）は初日以降の日付にしてください。");
        var capacity = form.OptionalInt("capacity", "定員", 1, 100_000);
        var closesOn = form.Date("registrationClosesOn", "申込締切日", required: false);
        if (status == ForumStatus.RegistrationOpen && closesOn is null)
            form.Error("registrationClosesOn", "参加申込を受け付けるときは、申込締切日を入力してください。");
        if (edition is not null && await db.Forums.AnyAsync(f => f.Edition == edition && f.Id != id, ct))
            form.Error("edition", $"第{edition}回はすでに登録されています。");
        return form.IsValid
            ? new ForumInput(edition!.Value, year!.Value, title!, codes, status, summary, venueName, venueAddress, venueAccess, startsOn, endsOn, capacity, closesOn)
            : null;
    }

    private static void Apply(Forum f, ForumInput v, DateTime now)
    {
        (f.Edition, f.FiscalYear, f.Title, f.Status, f.Summary, f.VenueName, f.VenueAddress, f.VenueAccess) =
            (v.Edition, v.FiscalYear, v.Title, v.Status, v.Summary, v.VenueName, v.VenueAddress, v.VenueAccess);
        (f.StartsOn, f.EndsOn, f.Capacity, f.RegistrationClosesOn, f.UpdatedUtc) = (v.StartsOn, v.EndsOn, v.Capacity, v.ClosesOn, now);
        var notes = f.Hosts.ToDictionary(h => h.GovernmentCode, h => h.PlaceNote);
        f.Hosts.RemoveAll(h => !v.HostCodes.Contains(h.GovernmentCode));
        foreach (var code in v.HostCodes.Where(c => !notes.ContainsKey(c)))
            f.Hosts.Add(new ForumHost { GovernmentCode = code });
    }

    private static async Task<IResult> Create(HttpContext http, IFormCollection input, NetworkDbContext db, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var form = FormState.From(input);
        if (await ReadAsync(form, db, null, ct) is not { } v)
            return Form(http, form, null, 400);
        var now = clock.GetUtcNow().UtcDateTime;
        var forum = new Forum { Title = v.Title, CreatedUtc = now };
        Apply(forum, v, now);
        // The forum's id exists only once it is saved; the entry that names it commits with it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Forums.Add(forum);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditAction.Create, AuditTarget.Forum(forum), $"フォーラム「{forum.Title}」（第{forum.Edition}回）を作成しました。");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Redirect(ForumAccess.AdminUrl(http, forum.Id, "/edit"));
    }

    private static async Task<IResult> Edit(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        if (f is null)
            return ThemeResults.NotFound();
        var form = new FormState();
        form.Values["edition"] = f.Edition.ToString();
        form.Values["fiscalYear"] = f.FiscalYear.ToString();
        form.Values["title"] = f.Title;
        form.Values["hosts"] = string.Join(" ", f.Hosts.Select(h => h.GovernmentCode));
        form.Values["status"] = f.Status.ToString();
        form.Values["summary"] = f.Summary;
        form.Values["venueName"] = f.VenueName;
        form.Values["venueAddress"] = f.VenueAddress;
        form.Values["venueAccess"] = f.VenueAccess;
        form.Values["startsOn"] = f.StartsOn?.ToString("yyyy-MM-dd");
        form.Values["endsOn"] = f.EndsOn?.ToString("yyyy-MM-dd");
        form.Values["capacity"] = f.Capacity?.ToString();
        form.Values["registrationClosesOn"] = f.RegistrationClosesOn?.ToString("yyyy-MM-dd");
        return Form(http, form, id, notice: http.Request.Query.ContainsKey("saved") ? "保存しました。" : null);
    }

    private static async Task<IResult> Update(int id, HttpContext http, IFormCollection input, NetworkDbContext db, TimeProvider clock, AuditLog audit,
        RegistrationBook book, RegistrationMail mail, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        if (f is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        if (await ReadAsync(form, db, id, ct) is not { } v)
            return Form(http, form, id, 400);
        var capacityRaised = v.Capacity is null && f.Capacity is not null || v.Capacity > f.Capacity;
        Apply(f, v, clock.GetUtcNow().UtcDateTime);
        audit.Record(AuditAction.Update, AuditTarget.Forum(f), $"フォーラム「{f.Title}」（第{f.Edition}回）の基本情報を変更しました。");
        await db.SaveChangesAsync(ct);
        // More places: the waitlist moves up at once, in order, as a cancellation would.
        if (capacityRaised)
            foreach (var p in await book.FillFromWaitlistAsync(f.Id, ct))
                await mail.SendPromotedAsync(http.Request, f, p, ct);
        return Results.Redirect(ForumAccess.AdminUrl(http, id, "/edit?saved=1"));
    }
}
