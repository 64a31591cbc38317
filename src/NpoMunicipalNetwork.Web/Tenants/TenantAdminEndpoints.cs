using NpoMunicipalNetwork.Recipes;

namespace NpoMunicipalNetwork.Tenants;

public sealed record TenantRow(string Name, string DisplayName, string Status, string Hosts, string? Member, string SiteUrl, string AdminUrl, string EditUrl);

/// <summary>The secretariat's list of member sites: create one from a recipe, enable or disable it, set its host names.</summary>
public static class TenantAdminEndpoints
{
    private static readonly AdminSection Section = new("会員サイト", "/tenants", Permissions.ManageTenants);

    public static RouteGroupBuilder MapTenantAdmin(this RouteGroupBuilder admin)
    {
        var g = Section.MapGroup(admin);
        g.MapGet("/", List);
        g.MapGet("/new", (HttpContext http, IWebHostEnvironment env, IConfiguration config) => Form(http, env, config, new FormState(), null));
        g.MapPost("/", Create);
        g.MapGet("/{name}/edit", Edit);
        g.MapPost("/{name}", Update);
        return admin;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.Hosts).Where(t => !t.IsHub).OrderBy(t => t.Name).ToListAsync(ct);
        var codes = tenants.Select(t => t.MemberCode).OfType<string>().ToList();
        var names = await http.RequestServices.GetRequiredService<IMemberRegistry>().NamesAsync(db, codes, ct);
        var rows = tenants.Select(t => new TenantRow(t.Name, t.DisplayName, t.Status == TenantStatus.Active ? "公開中" : "停止中",
            string.Join("、", t.Hosts.Select(h => h.HostName)), t.MemberCode is { } c ? $"{names.GetValueOrDefault(c)}（{c}）" : null,
            $"/{t.Name}/", $"/{t.Name}/admin", $"/admin/tenants/{t.Name}/edit")).ToList();
        return ThemeResults.Admin("admin/tenants/index", rows, Section.ListMeta());
    }

    private static IReadOnlyList<Option> RecipeOptions(IWebHostEnvironment env, IConfiguration config, string? selected)
    {
        var folder = ContentFolders.Locate("recipes", env.ContentRootPath, config["Recipes:Path"]);
        var options = new List<Option> { new("", "使わない（空のサイト）", string.IsNullOrEmpty(selected)) };
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            try
            {
                var recipe = RecipeReader.Read(file);
                if (!recipe.IsSetupRecipe)
                    options.Add(new Option(Path.GetFileName(file), $"{recipe.DisplayName ?? recipe.Name}（{Path.GetFileName(file)}）", Path.GetFileName(file) == selected));
            }
            catch (RecipeException) { /* an unreadable recipe is simply not offered */ }
        }
        return options;
    }

    private static IResult Form(HttpContext http, IWebHostEnvironment env, IConfiguration config, FormState form, string? name, int status = 200, string? error = null)
    {
        var options = new Dictionary<string, IReadOnlyList<Option>>
        {
            ["recipe"] = RecipeOptions(env, config, form.Text("recipe")),
            ["status"] = [new("active", "公開", form.Text("status") != "disabled"), new("disabled", "停止（404 を返す）", form.Text("status") == "disabled")],
        };
        var title = name is null ? "会員サイトの作成" : "会員サイトの設定";
        return ThemeResults.Admin("admin/tenants/edit", new EditFormModel(form, "/admin/tenants" + (name is null ? "" : $"/{name}"), name is null, options, FormError: error),
            new PageMeta(title, Section.Trail(new Breadcrumb(title))), status);
    }

    private static IReadOnlyList<string> ReadHosts(FormState form)
    {
        var hosts = (form.Text("hosts") ?? "").Split(['\n', '\r', ',', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant()).Distinct().ToList();
        foreach (var h in hosts)
            if (TenantNameRules.ValidateHost(h) is { } problem)
                form.Error("hosts", problem);
        return hosts;
    }

    private static async Task<IResult> Create(HttpContext http, IFormCollection input, NetworkDbContext db, RecipeExecutor recipes,
        IWebHostEnvironment env, IConfiguration config, AuditLog audit, CancellationToken ct)
    {
        var form = FormState.From(input);
        var name = form.Required("name", "サイト名（URL）", 40);
        if (name is not null && TenantNameRules.Validate(name) is { } bad)
            form.Error("name", bad);
        else if (name is not null && await db.Tenants.AnyAsync(t => t.Name == name, ct))
            form.Error("name", $"サイト名（URL）「{name}」はすでに使われています。");
        var displayName = form.Required("displayName", "表示名", 200);
        var code = form.Optional("memberCode", "地方公共団体コード", 6);
        var registry = http.RequestServices.GetRequiredService<IMemberRegistry>();
        if (code is not null && registry.ValidateCode(code) is { } codeProblem)
            form.Error("memberCode", codeProblem);
        else if (code is not null && !await registry.ExistsAsync(db, code, ct))
            form.Error("memberCode", $"地方公共団体コード「{code}」は団体名簿にありません。");
        var hosts = ReadHosts(form);
        var recipeFile = form.Text("recipe");
        if (!string.IsNullOrEmpty(recipeFile) && RecipeOptions(env, config, null).All(o => o.Value != recipeFile))
            form.Error("recipe", "選んだレシピが見つかりません。");
        if (!form.IsValid)
            return Form(http, env, config, form, null, 400);

        // The new tenant and the chosen recipe's steps run as one recipe: one validation, one transaction.
        var tenantStep = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "Tenants",
            ["tenants"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = name, ["displayName"] = displayName, ["memberCode"] = code,
                ["hosts"] = new System.Text.Json.Nodes.JsonArray(hosts.Select(h => (System.Text.Json.Nodes.JsonNode?)h).ToArray()),
            }),
        };
        var steps = new List<System.Text.Json.Nodes.JsonObject> { tenantStep };
        var file = "管理画面";
        if (!string.IsNullOrEmpty(recipeFile))
        {
            var chosen = RecipeReader.Read(Path.Combine(ContentFolders.Locate("recipes", env.ContentRootPath, config["Recipes:Path"]), recipeFile));
            steps.AddRange(chosen.Steps.Select(s => (System.Text.Json.Nodes.JsonObject)s.DeepClone()));
            file = chosen.File;
        }
        // The executor shares this request's DbContext, so its first SaveChanges saves the entry inside the
        // recipe's transaction: the site and its audit entry commit together or not at all.
        var entry = audit.Record(AuditAction.TenantChange, AuditTarget.Tenant(name!, displayName!),
            $"会員サイト「{displayName}」（{name}）を作成しました（地方公共団体コード: {code ?? "なし"}、ホスト名: {HostList(hosts)}、レシピ: {(string.IsNullOrEmpty(recipeFile) ? "なし" : recipeFile)}）。",
            scope: AuditScope.Network);
        try
        {
            await recipes.ApplyAsync(new Recipe(file, "create-tenant", null, null, null, null, false, steps), name, ct);
        }
        catch (RecipeException ex)
        {
            audit.Discard(entry);
            return Form(http, env, config, form, null, 400, string.Join(" / ", ex.Errors.Select(e => e.ToString())));
        }
        return Results.Redirect("/admin/tenants");
    }

    private static async Task<IResult> Edit(string name, HttpContext http, NetworkDbContext db, IWebHostEnvironment env, IConfiguration config, CancellationToken ct)
    {
        var t = await db.Tenants.AsNoTracking().Include(x => x.Hosts).FirstOrDefaultAsync(x => x.Name == name && !x.IsHub, ct);
        if (t is null)
            return ThemeResults.NotFound();
        var form = new FormState();
        form.Values["name"] = t.Name;
        form.Values["displayName"] = t.DisplayName;
        form.Values["memberCode"] = t.MemberCode;
        form.Values["status"] = t.Status == TenantStatus.Active ? "active" : "disabled";
        form.Values["hosts"] = string.Join("\n", t.Hosts.Select(h => h.HostName));
        form.Values["requiresApproval"] = t.RequiresApproval ? "true" : "false";
        return Form(http, env, config, form, name);
    }

    private static async Task<IResult> Update(string name, HttpContext http, IFormCollection input, NetworkDbContext db, TenantCatalog catalog,
        IWebHostEnvironment env, IConfiguration config, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var t = await db.Tenants.Include(x => x.Hosts).FirstOrDefaultAsync(x => x.Name == name && !x.IsHub, ct);
        if (t is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        form.Values["name"] = t.Name;
        var displayName = form.Required("displayName", "表示名", 200);
        var status = form.Text("status") switch { "active" => TenantStatus.Active, "disabled" => TenantStatus.Disabled, _ => (TenantStatus?)null };
        if (status is null)
            form.Error("status", "公開状態を選んでください。");
        var hosts = ReadHosts(form);
        foreach (var h in hosts)
            if (await db.TenantHosts.AnyAsync(x => x.HostName == h && x.TenantId != t.Id, ct))
                form.Error("hosts", $"ホスト名「{h}」は別のサイトが使っています。");
        if (!form.IsValid)
            return Form(http, env, config, form, name, 400);

        var changes = new List<string>();
        if (t.DisplayName != displayName)
            changes.Add($"表示名: {t.DisplayName} → {displayName}");
        if (t.Status != status)
            changes.Add(status == TenantStatus.Active ? "公開を再開" : "停止（404 を返す）");
        var oldHosts = t.Hosts.Select(h => h.HostName).Order().ToList();
        if (!oldHosts.SequenceEqual(hosts.Order()))
            changes.Add($"ホスト名: {HostList(oldHosts)} → {HostList(hosts)}");
        if (changes.Count > 0)
            audit.Record(AuditAction.TenantChange, AuditTarget.Tenant(t.Name, displayName!),
                $"会員サイト「{t.DisplayName}」（{t.Name}）の設定を変更しました（{string.Join("、", changes)}）。", scope: AuditScope.Network);

        t.DisplayName = displayName!;
        t.Status = status!.Value;
        t.RequiresApproval = form.Text("requiresApproval") == "true";
        t.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        t.Hosts.RemoveAll(h => !hosts.Contains(h.HostName));
        foreach (var h in hosts.Where(h => t.Hosts.All(x => x.HostName != h)))
            t.Hosts.Add(new TenantHost { HostName = h });
        await db.SaveChangesAsync(ct);
        catalog.Invalidate();
        return Results.Redirect("/admin/tenants");
    }

    private static string HostList(IEnumerable<string> hosts) => hosts.Any() ? string.Join("・", hosts) : "なし";
}
