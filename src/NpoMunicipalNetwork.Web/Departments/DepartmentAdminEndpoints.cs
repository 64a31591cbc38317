
namespace NpoMunicipalNetwork.Departments;

public sealed record DepartmentNode(int Id, string Name, string Level, string? Phone, string? Email, int MemberCount, int PageCount, string EditUrl, IReadOnlyList<DepartmentNode> Children);

/// <summary>
/// The organisation tree (部・課・係) of a site: create, rename, move, merge and delete units.
/// A merge moves the unit's staff, content and sub-units to the target in one transaction.
/// </summary>
public static class DepartmentAdminEndpoints
{
    private static readonly AdminSection Section = new("組織", "/departments", Permissions.ManageDepartments);

    public static RouteGroupBuilder MapDepartmentAdmin(this RouteGroupBuilder admin)
    {
        var g = Section.MapGroup(admin);
        g.MapGet("/", Tree);
        g.MapGet("/new", (HttpContext http, NetworkDbContext db, int? parent, CancellationToken ct) =>
            Form(http, db, WithDefaults(parent), null, ct));
        g.MapPost("/", Create);
        g.MapGet("/{id:int}/edit", Edit);
        g.MapPost("/{id:int}", Update);
        g.MapGet("/{id:int}/merge", (int id, HttpContext http, NetworkDbContext db, CancellationToken ct) => MergeForm(id, http, db, ct));
        g.MapPost("/{id:int}/merge", Merge);
        g.MapGet("/{id:int}/delete", ConfirmDelete);
        g.MapPost("/{id:int}/delete", Delete);
        return admin;
    }

    private static FormState WithDefaults(int? parent)
    {
        var form = new FormState();
        form.Values["level"] = parent is null ? "Bu" : "Ka";
        form.Values["parent"] = parent?.ToString();
        form.Values["order"] = "0";
        return form;
    }

    private static async Task<IResult> Tree(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var all = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var members = await db.DepartmentMembers.GroupBy(m => m.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var pages = new Dictionary<int, int>();
        foreach (var content in http.RequestServices.GetServices<IDepartmentContent>())
            foreach (var (department, count) in await content.CountByDepartmentAsync(db, ct))
                pages[department] = pages.GetValueOrDefault(department) + count;
        var basePath = http.Request.PathBase.Value;
        IReadOnlyList<DepartmentNode> Children(int? parent) => all.Where(d => d.ParentId == parent).Select(d => new DepartmentNode(
            d.Id, d.Name, d.Level.Japanese(), d.Phone, d.Email, members.GetValueOrDefault(d.Id), pages.GetValueOrDefault(d.Id),
            $"{basePath}/admin/departments/{d.Id}/edit", Children(d.Id))).ToList();
        return ThemeResults.Admin("admin/departments/index", Children(null), Section.ListMeta());
    }

    private static IEnumerable<int> Descendants(IReadOnlyList<Department> all, int id) =>
        all.Where(d => d.ParentId == id).SelectMany(d => Descendants(all, d.Id).Prepend(d.Id));

    private static async Task<IResult> Form(HttpContext http, NetworkDbContext db, FormState form, int? id, CancellationToken ct, int status = 200, string? error = null)
    {
        var all = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var excluded = id is null ? [] : Descendants(all, id.Value).Append(id.Value).ToHashSet();
        var parent = form.Text("parent");
        var level = form.Text("level");
        var options = new Dictionary<string, IReadOnlyList<Option>>
        {
            ["parent"] = all.Where(d => !excluded.Contains(d.Id)).Select(d => new Option(d.Id.ToString(), $"{d.Name}（{d.Level.Japanese()}）", d.Id.ToString() == parent))
                .Prepend(new Option("", "（最上位）", string.IsNullOrEmpty(parent))).ToList(),
            ["level"] = Enum.GetValues<DepartmentLevel>().Select(l => new Option(l.ToString(), l.Japanese(), l.ToString() == level)).ToList(),
        };
        var basePath = http.Request.PathBase.Value;
        var title = id is null ? "組織の追加" : "組織の編集";
        return ThemeResults.Admin("admin/departments/edit",
            new EditFormModel(form, $"{basePath}/admin/departments" + (id is null ? "" : $"/{id}"), id is null, options, FormError: error,
                Extra: id is null ? null : new { merge_url = $"{basePath}/admin/departments/{id}/merge", delete_url = $"{basePath}/admin/departments/{id}/delete" }),
            new PageMeta(title, Section.Trail(new Breadcrumb(title))), status);
    }

    private static async Task<Department?> Read(FormState form, NetworkDbContext db, int? id, CancellationToken ct)
    {
        var name = form.Required("name", "名称", 100);
        if (!Enum.TryParse<DepartmentLevel>(form.Text("level"), out var level) || !Enum.IsDefined(level))
            form.Error("level", "区分（部・課・係）を選んでください。");
        int? parent = null;
        if (!string.IsNullOrEmpty(form.Text("parent")))
        {
            var all = await db.Departments.AsNoTracking().ToListAsync(ct);
            if (!int.TryParse(form.Text("parent"), out var p) || all.All(d => d.Id != p))
                form.Error("parent", "上位の組織が見つかりません。");
            else if (id is not null && (p == id || Descendants(all, id.Value).Contains(p)))
                form.Error("parent", "自分自身や配下の組織の下には移動できません。");
            else
                parent = p;
        }
        var phone = form.Phone("phone", "電話番号");
        var fax = form.Phone("fax", "FAX番号");
        var email = form.Email("email", "メールアドレス", required: false);
        var order = form.OptionalInt("order", "表示順", 0, 10_000) ?? 0;
        if (name is not null && await db.Departments.AnyAsync(d => d.Name == name && d.ParentId == parent && d.Id != id, ct))
            form.Error("name", $"同じ上位組織の下に「{name}」がすでにあります。");
        return form.IsValid ? new Department { Name = name!, Level = level, ParentId = parent, Phone = phone, Fax = fax, Email = email, Order = order } : null;
    }

    private static async Task<IResult> Create(HttpContext http, IFormCollection input, NetworkDbContext db, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var form = FormState.From(input);
        if (await Read(form, db, null, ct) is not { } d)
            return await Form(http, db, form, null, ct, 400);
        d.CreatedUtc = d.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        // The unit's id exists only once it is saved; the entry that names it commits with it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Departments.Add(d);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditAction.Reorganise, AuditTarget.Department(d),
            $"{d.Level.Japanese()}「{d.Name}」を{(d.ParentId is { } p ? $"「{await NameOf(db, p, ct)}」の下" : "最上位")}に追加しました。");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/departments");
    }

    private static async Task<string> NameOf(NetworkDbContext db, int? id, CancellationToken ct) =>
        id is null ? "（最上位）" : await db.Departments.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? $"#{id}";

    /// <summary>What an edit changed, for the audit log; empty when nothing did.</summary>
    private static async Task<List<string>> Changes(NetworkDbContext db, Department before, Department after, CancellationToken ct)
    {
        var changes = new List<string>();
        void Compare(string label, string? a, string? b)
        {
            if (a != b)
                changes.Add($"{label}: {(string.IsNullOrEmpty(a) ? "なし" : a)} → {(string.IsNullOrEmpty(b) ? "なし" : b)}");
        }
        Compare("名称", before.Name, after.Name);
        Compare("区分", before.Level.Japanese(), after.Level.Japanese());
        if (before.ParentId != after.ParentId)
            changes.Add($"移動: {await NameOf(db, before.ParentId, ct)} → {await NameOf(db, after.ParentId, ct)}");
        Compare("電話番号", before.Phone, after.Phone);
        Compare("FAX番号", before.Fax, after.Fax);
        Compare("メールアドレス", before.Email, after.Email);
        Compare("表示順", before.Order.ToString(), after.Order.ToString());
        return changes;
    }

    private static async Task<IResult> Edit(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var d = await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
            return ThemeResults.NotFound();
        var form = new FormState();
        form.Values["name"] = d.Name;
        form.Values["level"] = d.Level.ToString();
        form.Values["parent"] = d.ParentId?.ToString();
        form.Values["phone"] = d.Phone;
        form.Values["fax"] = d.Fax;
        form.Values["email"] = d.Email;
        form.Values["order"] = d.Order.ToString();
        return await Form(http, db, form, id, ct);
    }

    private static async Task<IResult> Update(int id, HttpContext http, IFormCollection input, NetworkDbContext db, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var d = await db.Departments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        if (await Read(form, db, id, ct) is not { } v)
            return await Form(http, db, form, id, ct, 400);
        var changes = await Changes(db, d, v, ct);
        if (changes.Count > 0)
            audit.Record(AuditAction.Reorganise, AuditTarget.Department(v) with { Id = id.ToString() }, $"{d.Level.Japanese()}「{d.Name}」を変更しました（{string.Join("、", changes)}）。");
        (d.Name, d.Level, d.ParentId, d.Phone, d.Fax, d.Email, d.Order) = (v.Name, v.Level, v.ParentId, v.Phone, v.Fax, v.Email, v.Order);
        d.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/departments");
    }

    private static async Task<IResult> MergeForm(int id, HttpContext http, NetworkDbContext db, CancellationToken ct, FormState? form = null, int status = 200)
    {
        var all = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var source = all.FirstOrDefault(d => d.Id == id);
        if (source is null)
            return ThemeResults.NotFound();
        form ??= new FormState();
        var excluded = Descendants(all, id).Append(id).ToHashSet();
        var options = new Dictionary<string, IReadOnlyList<Option>>
        {
            ["target"] = all.Where(d => !excluded.Contains(d.Id)).Select(d => new Option(d.Id.ToString(), $"{d.Name}（{d.Level.Japanese()}）", d.Id.ToString() == form.Text("target"))).ToList(),
        };
        var basePath = http.Request.PathBase.Value;
        return ThemeResults.Admin("admin/departments/merge",
            new EditFormModel(form, $"{basePath}/admin/departments/{id}/merge", false, options, Extra: new { source = source.Name, cancel_url = $"{basePath}/admin/departments/{id}/edit" }),
            new PageMeta($"「{source.Name}」の統合", Section.Trail(new Breadcrumb("統合"))), status);
    }

    private static async Task<IResult> Merge(int id, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var all = await db.Departments.ToListAsync(ct);
        var source = all.FirstOrDefault(d => d.Id == id);
        if (source is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        var target = int.TryParse(form.Text("target"), out var t) ? all.FirstOrDefault(d => d.Id == t) : null;
        if (target is null)
            form.Error("target", "統合先の組織を選んでください。");
        else if (target.Id == id || Descendants(all, id).Contains(target.Id))
            form.Error("target", "自分自身や配下の組織には統合できません。");
        if (!form.IsValid)
            return await MergeForm(id, http, db, ct, form, 400);

        // One SaveChanges is one transaction: staff, content, sub-units move and the unit goes, or nothing changes.
        var targetMembers = await db.DepartmentMembers.Where(m => m.DepartmentId == target!.Id).Select(m => m.UserId).ToListAsync(ct);
        var staff = await db.DepartmentMembers.Where(m => m.DepartmentId == id).ToListAsync(ct);
        foreach (var m in staff)
        {
            db.DepartmentMembers.Remove(m);
            if (!targetMembers.Contains(m.UserId))
                db.DepartmentMembers.Add(new DepartmentMember { DepartmentId = target!.Id, UserId = m.UserId });
        }
        var moved = new List<string>();
        // Every content type's items move; the record names the kinds the unit had.
        foreach (var content in http.RequestServices.GetServices<IDepartmentContent>())
            if (await content.ReassignAsync(db, id, target!.Id, ct) is > 0 and var count)
                moved.Add($"{content.Label} {count}件");
        var children = all.Where(d => d.ParentId == id).ToList();
        foreach (var child in children)
            child.ParentId = target!.Id;
        db.Departments.Remove(source);
        audit.Record(AuditAction.Reorganise, AuditTarget.Department(source),
            $"{source.Level.Japanese()}「{source.Name}」を{target!.Level.Japanese()}「{target.Name}」（#{target.Id}）に統合しました（{string.Join("、", moved.Prepend($"職員 {staff.Count}人").Append($"配下の組織 {children.Count}件"))}を移動）。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/departments");
    }

    private static async Task<IResult> ConfirmDelete(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var d = await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
            return ThemeResults.NotFound();
        var basePath = http.Request.PathBase.Value;
        var blockers = await Blockers(db, http.RequestServices.GetServices<IDepartmentContent>(), id, ct);
        return ThemeResults.Admin("admin/confirm", new ConfirmModel($"「{d.Name}」を削除します",
            blockers.Count == 0 ? "削除した組織は元に戻せません。" : "この組織には次のものがあるため削除できません。先に「統合」で別の組織へ移してください。",
            blockers.Count == 0 ? $"{basePath}/admin/departments/{id}/delete" : "", $"{basePath}/admin/departments/{id}/edit", "削除する", blockers),
            new PageMeta("組織の削除", Section.Trail(new Breadcrumb("削除"))));
    }

    private static async Task<List<string>> Blockers(NetworkDbContext db, IEnumerable<IDepartmentContent> contents, int id, CancellationToken ct)
    {
        var list = new List<string>();
        if (await db.Departments.CountAsync(d => d.ParentId == id, ct) is > 0 and var c) list.Add($"配下の組織 {c}件");
        if (await db.DepartmentMembers.CountAsync(m => m.DepartmentId == id, ct) is > 0 and var u) list.Add($"所属する職員 {u}人");
        foreach (var content in contents)
            if (await content.CountAsync(db, id, ct) is > 0 and var n)
                list.Add($"担当する{content.Label} {n}件");
        return list;
    }

    private static async Task<IResult> Delete(int id, HttpContext http, IFormCollection _, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var d = await db.Departments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
            return ThemeResults.NotFound();
        var blockers = await Blockers(db, http.RequestServices.GetServices<IDepartmentContent>(), id, ct);
        if (blockers.Count > 0)
            return ThemeResults.BadRequest(blockers.Select(b => $"削除できません: {b}があります。統合で別の組織へ移してください。").ToList());
        db.Departments.Remove(d);
        audit.Record(AuditAction.Reorganise, AuditTarget.Department(d), $"{d.Level.Japanese()}「{d.Name}」を削除しました。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/departments");
    }
}
