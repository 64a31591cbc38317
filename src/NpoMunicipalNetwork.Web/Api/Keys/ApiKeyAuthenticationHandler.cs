using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.Api.Writes;

namespace NpoMunicipalNetwork.Api.Keys;

/// <summary>The key behind an API request, with its site as read from the database for this request.</summary>
public sealed record ApiCaller(int KeyId, string Name, string Prefix, int CreatedByUserId, TenantSnapshot Tenant)
{
    /// <summary>How the key appears as the actor in the audit log and the revision history.</summary>
    public string ActorName => $"APIキー: {Name} ({Prefix})";

    public static ApiCaller? Of(HttpContext http) => http.Items[typeof(ApiCaller)] as ApiCaller;
}

public static class ApiKeyClaims
{
    public const string KeyId = "npo:apikey";
    public const string Prefix = "npo:apikey:prefix";
    public const string Scope = "npo:apikey:scope";
}

/// <summary>
/// Scheme <c>ApiKey</c>: a key in <c>Authorization: Bearer …</c> or <c>X-Api-Key</c>. The row is looked up by its
/// prefix on every request (one indexed read, no cache), so a revoked key or a disabled site is refused at once on
/// every instance. Only endpoints whose policy names this scheme use it; a sign-in cookie never reaches the API.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, NetworkDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>Writing "last used" on every request would make each read a write; once a minute is precise enough.</summary>
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private string? _failure;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
            return AuthenticateResult.NoResult();
        if (ApiKeySecret.PrefixOf(presented) is not { } prefix)
            return Refuse("APIキーの形式が正しくありません。発行時に表示されたキーをそのまま送ってください。");
        var ct = Context.RequestAborted;
        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (key is null || !ApiKeySecret.Matches(presented, key.SecretHash))
            return Refuse("APIキーが正しくありません。");
        if (key.RevokedUtc is not null)
            return Refuse("このAPIキーは失効しています。サイトの管理者に新しいキーの発行を依頼してください。");
        var tenant = await db.Tenants.AsNoTracking().Include(t => t.Hosts).FirstOrDefaultAsync(t => t.Id == key.TenantId, ct);
        if (tenant is null || tenant.Status != TenantStatus.Active)
            return Refuse("このAPIキーのサイトは現在利用できません。");

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedUtc is not { } last || now - last > LastUsedPrecision)
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedUtc, now), ct);

        Context.Items[typeof(ApiCaller)] = new ApiCaller(key.Id, key.Name, key.Prefix, key.CreatedByUserId, TenantSnapshot.From(tenant));
        var claims = new List<Claim> { new(ApiKeyClaims.KeyId, key.Id.ToString()), new(ApiKeyClaims.Prefix, key.Prefix), new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.ScopeList.Select(s => new Claim(ApiKeyClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private AuthenticateResult Refuse(string reason)
    {
        _failure = reason;
        return AuthenticateResult.Fail(reason);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header)
            return header.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer realm=\"npo-api\"";
        await ApiProblem.Status(StatusCodes.Status401Unauthorized, "認証が必要です",
            _failure ?? "APIキーがありません。Authorization: Bearer <キー> または X-Api-Key ヘッダーで送ってください。").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Where(p => p.StartsWith(ApiScopes.Policy(""), StringComparison.Ordinal))
            .Select(p => p[ApiScopes.Policy("").Length..]).ToList() ?? [];
        await ApiProblem.Status(StatusCodes.Status403Forbidden, "権限がありません",
            needed.Count > 0
                ? $"このAPIキーには、この操作に必要なスコープ「{string.Join("」「", needed)}」がありません。"
                : "このAPIキーでは、この操作はできません。").ExecuteAsync(Context);
    }
}
