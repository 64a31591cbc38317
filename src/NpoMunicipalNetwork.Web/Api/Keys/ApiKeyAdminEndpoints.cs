
namespace NpoMunicipalNetwork.Api.Keys;

public sealed record ApiKeyRow(int Id, string Name, string Prefix, string Scopes, string CreatedBy, string Created, string LastUsed, string? Revoked, string? RevokeUrl);

public sealed record ApiKeyListModel(IReadOnlyList<ApiKeyRow> Rows, bool Revoked);

public sealed record ApiKeyCreatedModel(string Name, string Key, string Prefix, string Scopes);

/// <summary>
/// A member site's API keys (<c>/{site}/admin/api-keys</c>), for its site administrators: create (the key is shown once,
/// on the answer to the POST, never in a URL), list, revoke. Both changes are in the audit log.
/// </summary>
public static class ApiKeyAdminEndpoints
{
    private static readonly AdminSection Section = new("APIキー", "/api-keys", Permissions.ManageApiKeys);

    public static RouteGroupBuilder MapApiKeyAdmin(this RouteGroupBuilder admin)
    {
        var keys = Section.MapGroup(admin).MemberSiteOnly();
        keys.MapGet("/", List);
        keys.MapGet("/new", (HttpContext http) => Form(http, new FormState()));
        keys.MapPost("/", Create);
        keys.MapGet("/{id:int}/revoke", ConfirmRevoke);
        keys.MapPost("/{id:int}/revoke", Revoke);
        return admin;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedUtc != null).ThenByDescending(k => k.CreatedUtc).ToListAsync(ct);
        var basePath = http.Request.PathBase.Value;
        var rows = keys.Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, string.Join("、", k.ScopeList.Select(ApiScopes.Label)), k.CreatedByName,
            JapanTime.FormatDateTime(k.CreatedUtc), k.LastUsedUtc is { } u ? JapanTime.FormatDateTime(u) : "未使用",
            k.RevokedUtc is { } r ? JapanTime.FormatDateTime(r) : null, k.RevokedUtc is null ? $"{basePath}/admin/api-keys/{k.Id}/revoke" : null)).ToList();
        return ThemeResults.Admin("admin/api-keys/index", new ApiKeyListModel(rows, http.Request.Query.ContainsKey("revoked")),
            Section.ListMeta());
    }

    private static IResult Form(HttpContext http, FormState form, int status = 200)
    {
        var chosen = form.Many("scopes").ToHashSet();
        var options = ApiScopes.All.Select(s => new Option(s.Code, s.Label, chosen.Contains(s.Code))).ToList();
        return ThemeResults.Admin("admin/api-keys/new", new EditFormModel(form, $"{http.Request.PathBase}/admin/api-keys", true,
                new Dictionary<string, IReadOnlyList<Option>> { ["scopes"] = options }),
            new PageMeta("APIキーの発行", Section.Trail(new Breadcrumb("発行"))), status);
    }

    private static async Task<IResult> Create(HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var form = FormState.From(input);
        var name = form.Required("name", "キーの名前", ApiKey.NameLength);
        var scopes = form.Many("scopes").Distinct().ToList();
        if (scopes.Count == 0)
            form.Error("scopes", "スコープ（このキーでできること）を1つ以上選んでください。");
        else if (scopes.Any(s => !ApiScopes.All.Any(a => a.Code == s)))
            form.Error("scopes", "選べないスコープが含まれています。一覧から選んでください。");
        if (name is not null && await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedUtc == null, ct))
            form.Error("name", $"キーの名前「{name}」は有効なキーで使われています。別の名前にしてください。");
        if (!form.IsValid)
            return Form(http, form, 400);

        var (secret, prefix, hash) = ApiKeySecret.Create();
        var key = new ApiKey
        {
            Name = name!, Prefix = prefix, SecretHash = hash, Scopes = string.Join(' ', ApiScopes.All.Select(s => s.Code).Where(scopes.Contains)),
            CreatedByUserId = http.User.UserId() ?? 0, CreatedByName = http.User.FindFirst(NetworkClaims.DisplayName)?.Value ?? "",
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(key);
        audit.Record(AuditAction.Create, Target(key), $"APIキー「{key.Name}」（{key.Prefix}）を発行（スコープ: {key.Scopes}）");
        await db.SaveChangesAsync(ct);

        // The only time the secret exists outside the client: never cached, never in a URL or a later page.
        http.Response.Headers.CacheControl = "no-store";
        return ThemeResults.Admin("admin/api-keys/created", new ApiKeyCreatedModel(key.Name, secret, key.Prefix, string.Join("、", key.ScopeList.Select(ApiScopes.Label))),
            new PageMeta("APIキーを発行しました", Section.Trail(new Breadcrumb("発行しました"))));
    }

    private static async Task<IResult> ConfirmRevoke(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id && k.RevokedUtc == null, ct);
        if (key is null)
            return ThemeResults.NotFound();
        var basePath = http.Request.PathBase.Value;
        return ThemeResults.Admin("admin/confirm", new ConfirmModel($"APIキー「{key.Name}」（{key.Prefix}）を失効させます",
                "失効したキーは、この操作の直後からすべての要求で使えなくなり、元に戻せません。このキーを使うシステムには新しいキーを設定してください。",
                $"{basePath}/admin/api-keys/{id}/revoke", $"{basePath}/admin/api-keys", "失効させる", []),
            new PageMeta("APIキーの失効", Section.Trail(new Breadcrumb("失効"))));
    }

    private static async Task<IResult> Revoke(int id, HttpContext http, IFormCollection _, NetworkDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        // The tenant filter makes another site's key a 404.
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedUtc == null, ct);
        if (key is null)
            return ThemeResults.NotFound();
        key.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        key.RevokedByName = http.User.FindFirst(NetworkClaims.DisplayName)?.Value ?? "";
        audit.Record(AuditAction.Delete, Target(key), $"APIキー「{key.Name}」（{key.Prefix}）を失効");
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/api-keys?revoked=1");
    }

    private static AuditTarget Target(ApiKey key) => new(AuditTargetTypes.ApiKey, key.Id.ToString(), $"{key.Name}（{key.Prefix}）");
}
