
namespace NpoMunicipalNetwork.Pages;

/// <summary>One page in the menu editor; <see cref="CanEdit"/> false shows it read-only (another unit owns it).</summary>
public sealed record MenuRow(int Id, string Title, string Slug, bool IsPublished, int Depth, bool CanEdit, string? ParentTitle, string Order,
    IReadOnlyList<Option> ParentOptions, string? ParentError, string? OrderError);

public sealed record MenuEditorModel(FormState Form, IReadOnlyList<MenuRow> Rows, string Action, int MaxDepth, bool Saved);

/// <summary>
/// <c>/{site}/admin/menu</c>: editors arrange the site's page menu, one row per page (parent and
/// order). A plain form, so it works without JavaScript; the whole arrangement is checked (same site,
/// no cycles, at most <see cref="PageMenu.MaxDepth"/> levels) and saved in one SaveChanges with an audit entry.
/// The position is the site's structure, not the page's text, so it changes at once without approval;
/// an editor moves only the pages their units own (the rest are shown for context).
/// </summary>
public static class MenuAdminEndpoints
{
    private static readonly PageMeta Meta = new("メニューの並べ替え", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("ページ", "/admin/pages"), new Breadcrumb("メニュー")]);

    public static RouteGroupBuilder MapMenuAdmin(this RouteGroupBuilder admin)
    {
        var menu = admin.MapGroup("/menu").RequirePermission(Permissions.EditOwnContent).MemberSiteOnly();
        menu.MapGet("/", Show);
        menu.MapPost("/", Save);
        return admin;
    }

    private static async Task<IResult> Show(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        var pages = await db.Pages.AsNoTracking().OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(ct);
        var form = new FormState();
        foreach (var p in pages)
        {
            form.Values[$"parent-{p.Id}"] = p.ParentId?.ToString() ?? "";
            form.Values[$"order-{p.Id}"] = p.Order.ToString();
        }
        return Render(http, pages, scope, form, 200, http.Request.Query.ContainsKey("saved"));
    }

    /// <summary>Rows in menu order (depth first), so the table reads like the menu it makes.</summary>
    private static IResult Render(HttpContext http, IReadOnlyList<Page> pages, EditorScope scope, FormState form, int status, bool saved = false)
    {
        var byParent = pages.ToLookup(p => pages.Any(x => x.Id == p.ParentId) ? p.ParentId : null);
        var ordered = new List<(Page Page, int Depth)>();
        var placed = new HashSet<int>();
        void Walk(int? parent, int depth)
        {
            foreach (var p in byParent[parent].OrderBy(p => p.Order).ThenBy(p => p.Id))
                if (placed.Add(p.Id))
                {
                    ordered.Add((p, depth));
                    Walk(p.Id, depth + 1);
                }
        }
        Walk(null, 1);
        // Pages caught in a stored cycle have no root; list them last so they can be fixed.
        ordered.AddRange(pages.Where(p => !placed.Contains(p.Id)).Select(p => (p, 1)));

        var titles = pages.ToDictionary(p => p.Id, p => p.Title);
        var rows = ordered.Select(x =>
        {
            var p = x.Page;
            var parentValue = form.Text($"parent-{p.Id}") ?? "";
            var options = new List<Option> { new("", "（トップレベル）", parentValue == "") };
            options.AddRange(ordered.Where(o => o.Page.Id != p.Id && o.Page.Slug != Home.HomeOverview.Slug)
                .Select(o => new Option(o.Page.Id.ToString(), new string('　', o.Depth - 1) + o.Page.Title, parentValue == o.Page.Id.ToString())));
            return new MenuRow(p.Id, p.Title, p.Slug, p.IsPublished, x.Depth, scope.CanEdit(p.OwnerDepartmentId),
                p.ParentId is { } pid && titles.TryGetValue(pid, out var t) ? t : null, form.Text($"order-{p.Id}") ?? p.Order.ToString(), options,
                form.Errors.GetValueOrDefault($"parent-{p.Id}") as string, form.Errors.GetValueOrDefault($"order-{p.Id}") as string);
        }).ToList();
        return ThemeResults.Admin("admin/menu/index", new MenuEditorModel(form, rows, $"{http.Request.PathBase}/admin/menu", PageMenu.MaxDepth, saved), Meta, status);
    }

    private static async Task<IResult> Save(HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        var pages = await db.Pages.OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync(ct); // this site's pages only (tenant filter)
        var form = FormState.From(input);
        var byId = pages.ToDictionary(p => p.Id);
        var parents = new Dictionary<int, int?>();
        var orders = new Dictionary<int, int>();

        foreach (var p in pages)
        {
            var label = $"「{p.Title}」";
            int? parent = p.ParentId;
            var order = p.Order;
            var parentText = form.Text($"parent-{p.Id}");
            if (parentText is not null)
            {
                if (parentText == "")
                    parent = null;
                else if (int.TryParse(parentText, out var pid))
                    parent = pid;
                else
                    form.Error($"parent-{p.Id}", $"{label}の親ページは一覧から選んでください。");
            }
            if (form.OptionalInt($"order-{p.Id}", $"{label}の表示順", 0, 10_000) is { } o)
                order = o;
            else if (form.Text($"order-{p.Id}") is "")
                form.Error($"order-{p.Id}", $"{label}の表示順を入力してください。");

            // A page of another unit is shown for context only; a post that tries to move it is refused outright.
            if (!scope.CanEdit(p.OwnerDepartmentId) && (parent != p.ParentId || order != p.Order))
                return ThemeResults.Forbidden($"「{p.Title}」は担当外のページのため、メニューの位置を変えられません。");
            parents[p.Id] = parent;
            orders[p.Id] = order;
        }

        // A parent must be a page of this site; another site's page id is simply unknown here.
        foreach (var (id, problem) in PageMenu.Validate(parents, pages.ToDictionary(p => p.Id, p => p.Title)))
            form.Error($"parent-{id}", problem);
        // The overview is shown on the home, not in the menu, so pages under it would vanish from the menu.
        foreach (var p in pages)
            if (parents[p.Id] is { } pid && p.ParentId != pid && byId.TryGetValue(pid, out var parent) && parent.Slug == Home.HomeOverview.Slug)
                form.Error($"parent-{p.Id}", $"「{p.Title}」の親ページに「{parent.Title}」（ホームに表示するNPO施策の概要）は選べません。");
        if (!form.IsValid)
            return Render(http, pages, scope, form, 400);

        var changes = new List<string>();
        foreach (var p in pages)
        {
            if (p.ParentId == parents[p.Id] && p.Order == orders[p.Id])
                continue;
            var under = parents[p.Id] is { } pid ? $"「{byId[pid].Title}」の下" : "トップレベル";
            changes.Add($"「{p.Title}」→{under}・表示順{orders[p.Id]}");
            p.ParentId = parents[p.Id];
            p.Order = orders[p.Id];
        }
        if (changes.Count > 0)
        {
            audit.Record(AuditAction.Update, new AuditTarget(AuditTargetTypes.Menu, null, "ページのメニュー"),
                $"メニューを並べ替え（{changes.Count}ページ）: {string.Join("、", changes)}");
            await db.SaveChangesAsync(ct); // every move and its audit entry, or nothing
        }
        return Results.Redirect($"{http.Request.PathBase}/admin/menu?saved={changes.Count}");
    }
}
