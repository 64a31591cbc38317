using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using NpoMunicipalNetwork.Mail;

namespace NpoMunicipalNetwork.Accounts;

public sealed record UserRow(int Id, string Name, string Email, string Roles, string Departments, string Status, string EditUrl);

public sealed record UserListModel(IReadOnlyList<UserRow> Rows, Pager Pager, IReadOnlyList<SortLink> Sorts, IReadOnlyList<Option> RoleOptions, IReadOnlyList<Option> DepartmentOptions, string? Query);

/// <summary>
/// Staff of the current site: invite by mail, grant and revoke roles and units, suspend.
/// Only staff of this tenant (never an organisation account) are ever listed or changed here; the secretariat reaches a
/// member's users by opening that member's admin area.
/// </summary>
public static class UserAdminEndpoints
{
    private static readonly Breadcrumb Home = new("ダッシュボード", "/admin");
    private static readonly Breadcrumb ListCrumb = new("利用者", "/admin/users");

    public static RouteGroupBuilder MapUserAdmin(this RouteGroupBuilder admin)
    {
        var g = admin.MapGroup("/users").RequirePermission(Permissions.ManageUsers);
        g.MapGet("/", List);
        g.MapGet("/invite", (HttpContext http, NetworkDbContext db, TenantContext t, CancellationToken ct) => Form(http, db, t, new FormState(), null, ct));
        g.MapPost("/", Invite);
        g.MapGet("/{id:int}/edit", Edit);
        g.MapPost("/{id:int}", Update);
        return admin;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var list = new ListQuery(http.Request, "/admin/users", ["name", "email", "created"], "name");
        var q = db.Users.AsNoTracking().Where(u => u.TenantId == tenant.TenantId && u.Kind == AccountKind.Staff);
        var text = list.Filter("q");
        if (text is not null)
            q = q.Where(u => u.DisplayName.Contains(text) || u.Email!.Contains(text));
        var role = list.Filter("role");
        if (role is not null && Roles.All.Contains(role))
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstAsync(ct);
            q = q.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        if (int.TryParse(list.Filter("department"), out var dep))
            q = q.Where(u => db.DepartmentMembers.Any(m => m.UserId == u.Id && m.DepartmentId == dep));
        q = (list.Sort, list.Descending) switch
        {
            ("email", false) => q.OrderBy(u => u.Email), ("email", true) => q.OrderByDescending(u => u.Email),
            ("created", false) => q.OrderBy(u => u.CreatedUtc), ("created", true) => q.OrderByDescending(u => u.CreatedUtc),
            (_, false) => q.OrderBy(u => u.DisplayName), _ => q.OrderByDescending(u => u.DisplayName),
        };
        var total = await q.CountAsync(ct);
        var users = await list.Apply(q).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var memberships = await db.DepartmentMembers.Where(m => ids.Contains(m.UserId)).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var basePath = http.Request.PathBase.Value;
        var rows = users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email!,
            string.Join("、", roles.Where(r => r.UserId == u.Id).Select(r => Roles.Japanese(r.Name!))),
            string.Join("、", memberships.Where(m => m.UserId == u.Id).Select(m => departments.FirstOrDefault(d => d.Id == m.DepartmentId)?.Name)),
            u.LockoutEnd > now ? "利用停止中" : u.EmailConfirmed ? "利用中" : "招待中",
            $"{basePath}/admin/users/{u.Id}/edit")).ToList();
        return ThemeResults.Admin("admin/users/index", new UserListModel(rows, list.Pager(total),
            [list.SortLink("name", "氏名"), list.SortLink("email", "メールアドレス"), list.SortLink("created", "登録日")],
            Roles.All.Select(r => new Option(r, Roles.Japanese(r), r == role)).ToList(),
            departments.Select(d => new Option(d.Id.ToString(), d.Name, d.Id == dep)).ToList(), text),
            new PageMeta("利用者", [Home, new Breadcrumb("利用者")]));
    }

    /// <summary>A site administrator grants tenant roles; network administration is granted by the secretariat, on the hub.</summary>
    private static IReadOnlyList<string> GrantableRoles(HttpContext http, TenantContext tenant) =>
        http.User.IsNetworkAdministrator() && tenant.Tenant.IsHub ? Roles.All : Roles.TenantRoles;

    private static async Task<IResult> Form(HttpContext http, NetworkDbContext db, TenantContext tenant, FormState form, int? id, CancellationToken ct, int status = 200, string? notice = null)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var chosenRoles = form.Many("roles");
        var chosenUnits = form.Many("departments");
        var options = new Dictionary<string, IReadOnlyList<Option>>
        {
            ["roles"] = GrantableRoles(http, tenant).Select(r => new Option(r, Roles.Japanese(r), chosenRoles.Contains(r))).ToList(),
            ["departments"] = departments.Select(d => new Option(d.Id.ToString(), $"{d.Name}（{d.Level.Japanese()}）", chosenUnits.Contains(d.Id.ToString()))).ToList(),
        };
        var title = id is null ? "利用者の招待" : "利用者の編集";
        return ThemeResults.Admin("admin/users/edit",
            new EditFormModel(form, $"{http.Request.PathBase}/admin/users" + (id is null ? "" : $"/{id}"), id is null, options, notice),
            new PageMeta(title, [Home, ListCrumb, new Breadcrumb(title)]), status);
    }

    private static async Task<(string Name, IReadOnlyList<string> Roles, IReadOnlyList<int> Units, bool EditAll)?> Read(
        FormState form, HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var name = form.Required("displayName", "氏名", 100);
        var grantable = GrantableRoles(http, tenant);
        var roles = form.Many("roles");
        if (roles.Any(r => !grantable.Contains(r)))
            form.Error("roles", "付与できない権限が含まれています。");
        var unitIds = new List<int>();
        var known = await db.Departments.Select(d => d.Id).ToListAsync(ct);
        foreach (var u in form.Many("departments"))
        {
            if (int.TryParse(u, out var id) && known.Contains(id))
                unitIds.Add(id);
            else
                form.Error("departments", "選んだ所属が見つかりません。");
        }
        return form.IsValid ? (name!, roles, unitIds, form.Text("editAll") == "true") : null;
    }

    private static async Task<IResult> Invite(HttpContext http, IFormCollection input, NetworkDbContext db, TenantContext tenant,
        UserManager<ApplicationUser> users, MailSender mail, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var form = FormState.From(input);
        // Checked in the order of the form, so the error summary reads top to bottom.
        form.Required("displayName", "氏名", 100);
        var email = form.Email("email", "メールアドレス", required: true);
        var values = await Read(form, http, db, tenant, ct);
        if (email is not null && await users.FindByEmailAsync(email) is not null)
            form.Error("email", $"メールアドレス「{email}」はすでに登録されています。");
        if (values is not { } v || !form.IsValid)
            return await Form(http, db, tenant, form, null, ct, 400);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new ApplicationUser
        {
            UserName = email, Email = email, DisplayName = v.Name, TenantId = tenant.TenantId,
            CanEditAllUnits = v.EditAll, CreatedUtc = now, InvitedUtc = now,
        };
        // The account, its roles and units are one action; the mail goes only after they are saved.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var created = await users.CreateAsync(user);
            if (created.Succeeded && v.Roles.Count > 0)
                created = await users.AddToRolesAsync(user, v.Roles);
            if (!created.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                foreach (var e in created.Errors)
                    form.Error("email", e.Description);
                return await Form(http, db, tenant, form, null, ct, 400);
            }
            foreach (var unit in v.Units)
                db.DepartmentMembers.Add(new DepartmentMember { DepartmentId = unit, UserId = user.Id });
            audit.Record(AuditAction.Create, AuditTarget.User(user),
                $"利用者を招待しました（権限: {RoleList(v.Roles)}、所属: {await UnitList(db, v.Units, ct)}{(v.EditAll ? "、すべてのコンテンツを編集できる" : "")}）。");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = AccountLinks.Absolute(http.Request, QueryHelpers.AddQueryString("/account/invitation",
            new Dictionary<string, string?> { ["user"] = user.Id.ToString(), ["token"] = token }));
        await mail.SendAsync(email!, v.Name, $"【{tenant.Tenant.DisplayName}】管理画面へのご招待",
            $"""
            {v.Name} 様

            {tenant.Tenant.DisplayName}（{tenant.Tenant.Name}）の管理画面の利用者として招待されました。
            次のリンクを開いてパスワードを設定すると、登録が完了します。

            {link}

            お心当たりがない場合は、このメールを破棄してください。
            """, ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/users?invited={user.Id}");
    }

    private static async Task<IResult> Edit(int id, HttpContext http, NetworkDbContext db, TenantContext tenant, UserManager<ApplicationUser> users, CancellationToken ct)
    {
        var user = await StaffAsync(db, tenant, id, ct);
        if (user is null)
            return ThemeResults.NotFound();
        var form = new FormState();
        form.Values["displayName"] = user.DisplayName;
        form.Values["email"] = user.Email;
        form.Values["roles"] = (await users.GetRolesAsync(user)).ToArray();
        form.Values["departments"] = await db.DepartmentMembers.Where(m => m.UserId == id).Select(m => m.DepartmentId.ToString()).ToArrayAsync(ct);
        form.Values["editAll"] = user.CanEditAllUnits ? "true" : "false";
        form.Values["suspended"] = user.LockoutEnd > DateTimeOffset.UtcNow ? "true" : "false";
        return await Form(http, db, tenant, form, id, ct);
    }

    private static async Task<IResult> Update(int id, HttpContext http, IFormCollection input, NetworkDbContext db, TenantContext tenant,
        UserManager<ApplicationUser> users, AuditLog audit, CancellationToken ct)
    {
        var user = await StaffAsync(db, tenant, id, ct);
        if (user is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        form.Values["email"] = user.Email;
        var current = await users.GetRolesAsync(user);
        var grantable = GrantableRoles(http, tenant);
        if (await Read(form, http, db, tenant, ct) is not { } v)
            return await Form(http, db, tenant, form, id, ct, 400);
        var suspend = form.Text("suspended") == "true";
        if (user.Id == http.User.UserId() && (suspend || current.Contains(Roles.SiteAdministrator) && !v.Roles.Contains(Roles.SiteAdministrator)
            || current.Contains(Roles.NetworkAdministrator) && !v.Roles.Contains(Roles.NetworkAdministrator)))
        {
            form.Error("roles", "自分自身の管理者権限の取り消しや利用停止はできません。別の管理者に依頼してください。");
            return await Form(http, db, tenant, form, id, ct, 400);
        }

        var wasSuspended = user.LockoutEnd == DateTimeOffset.MaxValue;
        var before = (user.DisplayName, user.CanEditAllUnits);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = v.Name;
        user.CanEditAllUnits = v.EditAll;
        // Suspension is a lockout without end; lifting it leaves a running failed-login lockout alone.
        user.LockoutEnd = suspend ? DateTimeOffset.MaxValue : user.LockoutEnd == DateTimeOffset.MaxValue ? null : user.LockoutEnd;
        // Roles this person may not grant stay as they are.
        var remove = current.Where(r => grantable.Contains(r) && !v.Roles.Contains(r)).ToList();
        var add = v.Roles.Where(r => !current.Contains(r)).ToList();
        var result = await users.RemoveFromRolesAsync(user, remove);
        if (result.Succeeded)
            result = await users.AddToRolesAsync(user, add);
        if (result.Succeeded)
            result = await users.UpdateSecurityStampAsync(user); // signs the person out elsewhere within a minute
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            foreach (var e in result.Errors)
                form.Error("roles", e.Description);
            return await Form(http, db, tenant, form, id, ct, 400);
        }
        var existing = await db.DepartmentMembers.Where(m => m.UserId == id).ToListAsync(ct);
        var leftUnits = existing.Where(m => !v.Units.Contains(m.DepartmentId)).ToList();
        var joinedUnits = v.Units.Where(u => existing.All(m => m.DepartmentId != u)).ToList();
        db.DepartmentMembers.RemoveRange(leftUnits);
        foreach (var unit in joinedUnits)
            db.DepartmentMembers.Add(new DepartmentMember { DepartmentId = unit, UserId = id });

        var changes = new List<string>();
        if (add.Count > 0) changes.Add($"権限を付与: {RoleList(add)}");
        if (remove.Count > 0) changes.Add($"権限を取り消し: {RoleList(remove)}");
        if (suspend && !wasSuspended) changes.Add("利用停止");
        if (!suspend && wasSuspended) changes.Add("利用停止を解除");
        if (before.CanEditAllUnits != v.EditAll) changes.Add(v.EditAll ? "すべてのコンテンツを編集できるようにした" : "すべてのコンテンツの編集を取り消し");
        var accessChanged = changes.Count > 0; // roles, suspension and the edit-all right; the rest is an ordinary update
        if (before.DisplayName != v.Name) changes.Add($"氏名: {before.DisplayName} → {v.Name}");
        if (joinedUnits.Count > 0) changes.Add($"所属に追加: {await UnitList(db, joinedUnits, ct)}");
        if (leftUnits.Count > 0) changes.Add($"所属から外す: {await UnitList(db, leftUnits.Select(m => m.DepartmentId).ToList(), ct)}");
        if (changes.Count > 0)
            audit.Record(accessChanged ? AuditAction.RoleChange : AuditAction.Update, AuditTarget.User(user), string.Join("、", changes) + "。");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/users?saved={id}");
    }

    /// <summary>
    /// A staff member of this site. Organisation accounts live on the hub too, but are never listed, edited or
    /// given a role here: to this screen they do not exist.
    /// </summary>
    private static Task<ApplicationUser?> StaffAsync(NetworkDbContext db, TenantContext tenant, int id, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id && u.TenantId == tenant.TenantId && u.Kind == AccountKind.Staff, ct);

    private static string RoleList(IEnumerable<string> roles) =>
        roles.Any() ? string.Join("・", roles.Select(Roles.Japanese)) : "なし";

    private static async Task<string> UnitList(NetworkDbContext db, IReadOnlyList<int> ids, CancellationToken ct) =>
        ids.Count == 0 ? "なし" : string.Join("・", await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct));
}
