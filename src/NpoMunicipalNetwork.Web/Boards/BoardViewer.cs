using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace NpoMunicipalNetwork.Boards;

/// <summary>
/// Who is looking at the boards, as far as visibility goes: signed in or not, a member (any role on an
/// active member site or the hub), a moderator, and the private groups they were invited to.
/// </summary>
public sealed record BoardViewer(int? UserId, string? Name, bool IsMember, bool IsModerator, IReadOnlySet<int> Groups)
{
    public static readonly BoardViewer Anonymous = new(null, null, false, false, new HashSet<int>());

    public bool IsSignedIn => UserId is not null;

    public bool CanRead(BoardCategory c) => c.Visibility switch
    {
        BoardVisibility.Public => true,
        BoardVisibility.MembersOnly => IsMember || IsModerator,
        _ => IsModerator || Groups.Contains(c.Id),
    };

    /// <summary>Public categories take any signed-in user; the others, those who may read them.</summary>
    public bool CanPost(BoardCategory c) => IsSignedIn && CanRead(c);

    public static async Task<BoardViewer> OfAsync(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true || user.UserId() is not { } id)
            return Anonymous;
        var services = http.RequestServices;
        var moderator = (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, http, Permissions.ModerateBoards.Policy)).Succeeded;
        var tenant = user.TenantId() is { } tenantId ? await services.GetRequiredService<TenantCatalog>().FindByIdAsync(tenantId, ct) : null;
        var member = tenant is { IsActive: true } && user.FindAll(ClaimTypes.Role).Any();
        var groups = await db.BoardGroupMembers.AsNoTracking().Where(m => m.UserId == id).Select(m => m.CategoryId).ToListAsync(ct);
        return new BoardViewer(id, user.FindFirstValue(NetworkClaims.DisplayName), member, moderator, groups.ToHashSet());
    }
}
