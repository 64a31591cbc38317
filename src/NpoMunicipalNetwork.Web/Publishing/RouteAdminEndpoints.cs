
namespace NpoMunicipalNetwork.Publishing;

public sealed record RouteRow(string Name, string Levels, string RemandTo, string EditUrl);

public sealed record LevelForm(int Level, IReadOnlyList<Option> Approvers, string Required, bool AuthorsUnit);

/// <summary>A site administrator defines the approval routes (承認経路): up to five levels, approvers, required counts.</summary>
public static class RouteAdminEndpoints
{
    private static readonly Breadcrumb Home = new("ダッシュボード", "/admin");
    private static readonly Breadcrumb ListCrumb = new("承認経路", "/admin/routes");

    public static RouteGroupBuilder MapRouteAdmin(this RouteGroupBuilder admin)
    {
        var g = admin.MapGroup("/routes").RequirePermission(Permissions.ManageRoutes);
        g.MapGet("/", List);
        g.MapGet("/new", (HttpContext http, NetworkDbContext db, TenantContext t, CancellationToken ct) => Form(http, db, t, new FormState(), null, ct));
        g.MapPost("/", Save);
        g.MapGet("/{id:int}/edit", Edit);
        g.MapPost("/{id:int}", Save);
        return admin;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var routes = await db.ApprovalRoutes.AsNoTracking().Include(r => r.Levels).OrderBy(r => r.Name).ToListAsync(ct);
        var rows = routes.Select(r => new RouteRow(r.Name, $"{r.Levels.Count}段階", r.RemandTo == RemandTarget.Author ? "作成者へ" : "一つ前の段階へ",
            $"{http.Request.PathBase}/admin/routes/{r.Id}/edit")).ToList();
        return ThemeResults.Admin("admin/routes/index", rows, new PageMeta("承認経路", [Home, new Breadcrumb("承認経路")]));
    }

    private static async Task<IResult> Form(HttpContext http, NetworkDbContext db, TenantContext tenant, FormState form, int? id, CancellationToken ct, int status = 200)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.TenantId == tenant.TenantId && u.EmailConfirmed).OrderBy(u => u.DisplayName).ToListAsync(ct);
        var levels = Enumerable.Range(1, ApprovalRoute.MaxLevels).Select(n => new LevelForm(n,
            users.Select(u => new Option(u.Id.ToString(), u.DisplayName, form.Many($"level{n}.approvers").Contains(u.Id.ToString()))).ToList(),
            form.Text($"level{n}.required") ?? "0", form.Text($"level{n}.unit") == "true")).ToList();
        var options = new Dictionary<string, IReadOnlyList<Option>>
        {
            ["remandTo"] = [new("Author", "作成者へ戻す", form.Text("remandTo") != "PreviousLevel"), new("PreviousLevel", "一つ前の段階へ戻す", form.Text("remandTo") == "PreviousLevel")],
        };
        var title = id is null ? "承認経路の作成" : "承認経路の編集";
        return ThemeResults.Admin("admin/routes/edit", new EditFormModel(form, $"{http.Request.PathBase}/admin/routes" + (id is null ? "" : $"/{id}"), id is null, options, Extra: levels),
            new PageMeta(title, [Home, ListCrumb, new Breadcrumb(title)]), status);
    }

    private static async Task<IResult> Edit(int id, HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var route = await db.ApprovalRoutes.AsNoTracking().Include(r => r.Levels).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (route is null)
            return ThemeResults.NotFound();
        var form = new FormState();
        form.Values["name"] = route.Name;
        form.Values["remandTo"] = route.RemandTo.ToString();
        form.Values["blockOnErrors"] = route.BlockOnCheckErrors ? "true" : "false";
        foreach (var l in route.Levels)
        {
            form.Values[$"level{l.Level}.approvers"] = l.Approvers.Select(a => a.ToString()).ToArray();
            form.Values[$"level{l.Level}.required"] = l.RequiredCount.ToString();
            form.Values[$"level{l.Level}.unit"] = l.AuthorsUnitApprovers ? "true" : "false";
        }
        return await Form(http, db, tenant, form, id, ct);
    }

    private static async Task<IResult> Save(int? id, HttpContext http, IFormCollection input, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var route = id is null ? new ApprovalRoute { Name = "" } : await db.ApprovalRoutes.Include(r => r.Levels).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (route is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        var name = form.Required("name", "経路の名前", 100);
        if (name is not null && await db.ApprovalRoutes.AnyAsync(r => r.Name == name && r.Id != (id ?? 0), ct))
            form.Error("name", $"「{name}」という承認経路はすでにあります。");
        var staff = await db.Users.Where(u => u.TenantId == tenant.TenantId).Select(u => u.Id).ToListAsync(ct);
        var levels = new List<ApprovalLevel>();
        for (var n = 1; n <= ApprovalRoute.MaxLevels; n++)
        {
            var approvers = form.Many($"level{n}.approvers").Select(a => int.TryParse(a, out var v) ? v : -1).ToList();
            var unit = form.Text($"level{n}.unit") == "true";
            if (approvers.Count == 0 && !unit)
                continue;
            if (approvers.Any(a => !staff.Contains(a)))
                form.Error($"level{n}.approvers", $"第{n}段階: 選んだ承認者がこのサイトの利用者にいません。");
            var required = form.OptionalInt($"level{n}.required", $"第{n}段階の必要な承認数", 0, 50) ?? 0;
            if (!unit && required > approvers.Count)
                form.Error($"level{n}.required", $"第{n}段階の必要な承認数（{required}）が承認者の数（{approvers.Count}）を超えています。");
            levels.Add(new ApprovalLevel { Level = levels.Count + 1, RequiredCount = required, AuthorsUnitApprovers = unit, ApproverUserIds = string.Join(",", approvers.Distinct()) });
        }
        if (levels.Count == 0)
            form.Error("level1.approvers", "少なくとも1つの段階に承認者を指定してください。");
        if (!form.IsValid)
            return await Form(http, db, tenant, form, id, ct, 400);

        route.Name = name!;
        route.RemandTo = form.Text("remandTo") == "PreviousLevel" ? RemandTarget.PreviousLevel : RemandTarget.Author;
        route.BlockOnCheckErrors = form.Text("blockOnErrors") == "true";
        route.Levels.Clear();
        route.Levels.AddRange(levels);
        if (id is null)
            db.ApprovalRoutes.Add(route);
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/routes");
    }
}
