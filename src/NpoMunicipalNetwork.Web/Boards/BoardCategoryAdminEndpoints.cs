using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Boards;

public sealed record CategoryAdminRow(int Id, string Name, string Slug, string Visibility, int Order, int Topics, int Members, string EditUrl, string? MembersUrl);

public sealed record GroupMemberRow(int UserId, string Name, string Email, string Site, string RemoveUrl);

public sealed record GroupMembersModel(string CategoryName, IReadOnlyList<GroupMemberRow> Members, FormState Form, string AddUrl);

/// <summary>The secretariat's board settings at <c>/admin/boards</c>: categories and the members of private groups.</summary>
public static partial class BoardCategoryAdminEndpoints
{
    internal static readonly AdminSection Section = new("掲示板", "/boards", Permissions.ModerateBoards);

    public static RouteGroupBuilder MapBoardAdmin(this RouteGroupBuilder admin)
    {
        var g = Section.MapGroup(admin);
        g.MapGet("/", List);
        g.MapGet("/new", (NetworkDbContext db) => Form(new FormState(), "/admin/boards", true, 200));
        g.MapPost("/", Create);
        g.MapGet("/{id:int}/edit", EditForm);
        g.MapPost("/{id:int}", Update);
        g.MapGet("/{id:int}/members", Members);
        g.MapPost("/{id:int}/members", AddMember);
        g.MapPost("/{id:int}/members/{userId:int}/delete", RemoveMember);
        g.MapBoardModeration();
        return admin;
    }

    private static async Task<IResult> List(NetworkDbContext db, CancellationToken ct)
    {
        var rows = await db.BoardCategories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Slug, c.Visibility, c.Order, Topics = db.Set<Topic>().Count(t => t.CategoryId == c.Id), Members = db.Set<BoardGroupMember>().Count(m => m.CategoryId == c.Id) })
            .ToListAsync(ct);
        return ThemeResults.Admin("admin/boards/index", rows.Select(c => new CategoryAdminRow(c.Id, c.Name, c.Slug, BoardCategory.Japanese(c.Visibility), c.Order, c.Topics, c.Members,
                $"/admin/boards/{c.Id}/edit", c.Visibility == BoardVisibility.PrivateGroup ? $"/admin/boards/{c.Id}/members" : null)).ToList(),
            Section.ListMeta());
    }

    private static IResult Form(FormState form, string action, bool isNew, int status)
    {
        var chosen = form.Text("visibility") ?? nameof(BoardVisibility.Public);
        var options = Enum.GetValues<BoardVisibility>().Select(v => new Option(v.ToString(), BoardCategory.Japanese(v), v.ToString() == chosen)).ToList();
        var title = isNew ? "カテゴリの作成" : "カテゴリの編集";
        return ThemeResults.Admin("admin/boards/form", new EditFormModel(form, action, isNew, new Dictionary<string, IReadOnlyList<Option>> { ["visibility"] = options }),
            new PageMeta(title, Section.Trail(new Breadcrumb(title))), status);
    }

    private static async Task<IResult> EditForm(int id, NetworkDbContext db, CancellationToken ct)
    {
        var c = await db.BoardCategories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return ThemeResults.NotFound();
        var form = new FormState();
        form.Values["name"] = c.Name;
        form.Values["slug"] = c.Slug;
        form.Values["description"] = c.Description;
        form.Values["order"] = c.Order.ToString();
        form.Values["visibility"] = c.Visibility.ToString();
        return Form(form, $"/admin/boards/{id}", false, 200);
    }

    private static async Task<(string Name, string Slug, string? Description, int Order, BoardVisibility Visibility)?> ReadAsync(
        FormState form, NetworkDbContext db, int? id, CancellationToken ct)
    {
        var name = form.Required("name", "カテゴリ名", 100);
        var slug = form.Required("slug", "URL 名", 60)?.ToLowerInvariant();
        if (slug is not null && (!SlugPattern().IsMatch(slug) || BoardEndpoints.ReservedSlugs.Contains(slug)))
            form.Error("slug", "URL 名は半角英小文字・数字・ハイフンで、英字から始めてください（t・p・new・unsubscribe は使えません）。");
        else if (slug is not null && await db.BoardCategories.AnyAsync(c => c.Slug == slug && c.Id != id, ct))
            form.Error("slug", $"URL 名「{slug}」はほかのカテゴリが使っています。");
        var description = form.Optional("description", "説明", 1000);
        var order = form.OptionalInt("order", "表示順", 0, 9999) ?? 0;
        if (!Enum.TryParse<BoardVisibility>(form.Text("visibility"), out var visibility) || !Enum.IsDefined(visibility))
            form.Error("visibility", "公開範囲を選んでください。");
        return form.IsValid ? (name!, slug!, description, order, visibility) : null;
    }

    private static async Task<IResult> Create(IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var form = FormState.From(input);
        if (await ReadAsync(form, db, null, ct) is not { } v)
            return Form(form, "/admin/boards", true, 400);
        var c = new BoardCategory { Name = v.Name, Slug = v.Slug, Description = v.Description, Order = v.Order, Visibility = v.Visibility };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.BoardCategories.Add(c);
        await db.SaveChangesAsync(ct); // the entry names the new id
        audit.Record(AuditAction.Create, BoardAudit.Category(c), $"掲示板のカテゴリ「{c.Name}」（{BoardCategory.Japanese(c.Visibility)}）を作成しました。", scope: AuditScope.Network);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Redirect("/admin/boards");
    }

    private static async Task<IResult> Update(int id, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = await db.BoardCategories.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        if (await ReadAsync(form, db, id, ct) is not { } v)
            return Form(form, $"/admin/boards/{id}", false, 400);
        var before = BoardCategory.Japanese(c.Visibility);
        (c.Name, c.Slug, c.Description, c.Order, c.Visibility) = v;
        audit.Record(AuditAction.Update, BoardAudit.Category(c), $"掲示板のカテゴリ「{c.Name}」を更新しました（公開範囲: {before} → {BoardCategory.Japanese(c.Visibility)}）。", scope: AuditScope.Network);
        await db.SaveChangesAsync(ct);
        return Results.Redirect("/admin/boards");
    }

    private static async Task<IResult> MembersPage(int id, NetworkDbContext db, FormState form, int status, CancellationToken ct)
    {
        var c = await db.BoardCategories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Visibility == BoardVisibility.PrivateGroup, ct);
        if (c is null)
            return ThemeResults.NotFound();
        var members = await db.BoardGroupMembers.AsNoTracking().Where(m => m.CategoryId == id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.Email, u.TenantId })
            .Join(db.Tenants, x => x.TenantId, t => t.Id, (x, t) => new { x.Id, x.DisplayName, x.Email, Site = t.DisplayName })
            .OrderBy(x => x.Site).ThenBy(x => x.DisplayName).ToListAsync(ct);
        return ThemeResults.Admin("admin/boards/members", new GroupMembersModel(c.Name,
            members.Select(m => new GroupMemberRow(m.Id, m.DisplayName, m.Email ?? "", m.Site, $"/admin/boards/{id}/members/{m.Id}/delete")).ToList(), form, $"/admin/boards/{id}/members"),
            new PageMeta($"{c.Name}のメンバー", Section.Trail(new Breadcrumb($"{c.Name}のメンバー"))), status);
    }

    private static Task<IResult> Members(int id, NetworkDbContext db, CancellationToken ct) => MembersPage(id, db, new FormState(), 200, ct);

    private static async Task<IResult> AddMember(int id, IFormCollection input, NetworkDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.BoardCategories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Visibility == BoardVisibility.PrivateGroup, ct);
        if (c is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        var email = form.Email("email", "メールアドレス", required: true);
        var user = email is null ? null : await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct);
        if (email is not null && user is null)
            form.Error("email", $"「{email}」の利用者は登録されていません。会員サイトの利用者のメールアドレスを入力してください。");
        else if (user is not null && await db.BoardGroupMembers.AnyAsync(m => m.CategoryId == id && m.UserId == user.Id, ct))
            form.Error("email", $"{user.DisplayName}さんはすでにメンバーです。");
        if (!form.IsValid)
            return await MembersPage(id, db, form, 400, ct);
        db.BoardGroupMembers.Add(new BoardGroupMember { CategoryId = id, UserId = user!.Id, AddedUtc = clock.GetUtcNow().UtcDateTime });
        audit.Record(AuditAction.Update, BoardAudit.Category(c), $"{user.DisplayName}さん（{user.Email}）を「{c.Name}」のメンバーに加えました。", scope: AuditScope.Network);
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"/admin/boards/{id}/members");
    }

    private static async Task<IResult> RemoveMember(int id, int userId, IFormCollection _, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = await db.BoardCategories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var m = await db.BoardGroupMembers.FirstOrDefaultAsync(x => x.CategoryId == id && x.UserId == userId, ct);
        if (c is null || m is null)
            return ThemeResults.NotFound();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(ct);
        db.BoardGroupMembers.Remove(m);
        audit.Record(AuditAction.Update, BoardAudit.Category(c), $"{name}さんを「{c.Name}」のメンバーから外しました。", scope: AuditScope.Network);
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"/admin/boards/{id}/members");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,59}$")]
    private static partial Regex SlugPattern();
}
