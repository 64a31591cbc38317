using System.Security.Claims;

namespace NpoMunicipalNetwork.Audit;

/// <summary>Who acted, when it is not the signed-in person of the request (a sign-in, a password reset).</summary>
public sealed record AuditActor(int? UserId, string? Name)
{
    /// <summary>Nobody was signed in: a failed sign-in.</summary>
    public static readonly AuditActor Nobody = new(null, null);

    public static AuditActor Of(ApplicationUser user) => new(user.Id, user.DisplayName);
}

/// <summary>
/// What an entry is about: a kind from <see cref="AuditTargetTypes"/>, its key and its name at the time. The core
/// makes its own targets here; a feature adds a factory for its entities beside them (<c>extension(AuditTarget)</c>).
/// </summary>
public sealed record AuditTarget(string Type, string? Id, string? Label)
{
    public static AuditTarget User(ApplicationUser u) => new(AuditTargetTypes.User, u.Id.ToString(), $"{u.DisplayName}（{u.Email}）");

    public static AuditTarget Department(Department d) => new(AuditTargetTypes.Department, d.Id.ToString(), d.Name);

    public static AuditTarget Tenant(string name, string displayName) => new(AuditTargetTypes.Tenant, name, $"{displayName}（{name}）");

    public static AuditTarget SignInAddress(string address) => new(AuditTargetTypes.SignInAddress, null, address);
}

/// <summary>Where an entry belongs: the request's site, or the network as a whole (no tenant).</summary>
public enum AuditScope
{
    Site,
    Network,
}

/// <summary>
/// Writes the audit log. <see cref="Record"/> adds the entry to the request's own
/// <see cref="NetworkDbContext"/>, so the action's SaveChanges (and its transaction) saves both or
/// neither: call it just before that SaveChanges. <see cref="RecordNowAsync"/> saves at once, for
/// events whose action has nothing of its own left to save (sign-in results, a completed password reset).
/// The actor, IP address and site come from the current request unless given.
/// </summary>
public sealed class AuditLog(NetworkDbContext db, TenantContext tenant, IHttpContextAccessor accessor, TimeProvider clock)
{
    public AuditEntry Record(AuditAction action, AuditTarget target, string summary, AuditActor? actor = null, AuditScope scope = AuditScope.Site)
    {
        var http = accessor.HttpContext;
        actor ??= FromPrincipal(http?.User);
        var entry = new AuditEntry
        {
            TenantId = scope == AuditScope.Network || !tenant.HasTenant ? null : tenant.TenantId,
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.UserId,
            ActorName = Cut(actor.Name, AuditEntry.ActorNameLength),
            IpAddress = Cut(Address(http), AuditEntry.IpAddressLength),
            Action = action,
            TargetType = Cut(target.Type, AuditEntry.TargetTypeLength)!,
            TargetId = Cut(target.Id, AuditEntry.TargetIdLength),
            TargetLabel = Cut(target.Label, AuditEntry.TargetLabelLength),
            Summary = Cut(summary, AuditEntry.SummaryLength)!,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Records and saves straight away. Anything else pending in the unit of work is saved with it,
    /// so use this only once the action itself has been saved (or never saves anything). Not
    /// cancellable: a client that hangs up mid-request must not keep its sign-in attempt out of the log.
    /// </summary>
    public async Task<AuditEntry> RecordNowAsync(AuditAction action, AuditTarget target, string summary, AuditActor? actor = null,
        AuditScope scope = AuditScope.Site)
    {
        var entry = Record(action, target, summary, actor, scope);
        await db.SaveChangesAsync(CancellationToken.None);
        return entry;
    }

    /// <summary>Takes back an entry recorded for an action that then failed before saving.</summary>
    public void Discard(AuditEntry entry)
    {
        var tracked = db.Entry(entry);
        if (tracked.State == Microsoft.EntityFrameworkCore.EntityState.Added)
            tracked.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
    }

    private static AuditActor FromPrincipal(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? new AuditActor(user.UserId(), user.FindFirstValue(NetworkClaims.DisplayName)) : AuditActor.Nobody;

    /// <summary>The client's address as the server saw it (a proxy's forwarded-for header is honoured only if the host configures it).</summary>
    private static string? Address(HttpContext? http)
    {
        var ip = http?.Connection.RemoteIpAddress;
        if (ip is null)
            return null;
        return (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
    }

    private static string? Cut(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..(length - 1)] + "…";
}

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        return services;
    }
}
