
namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// Which forums the signed-in person may run: every forum for the secretariat, otherwise only those
/// the secretariat assigned to them. Another forum is a 404, so its existence and data stay hidden.
/// </summary>
public static class ForumAccess
{
    public static IQueryable<Forum> Managed(HttpContext http, NetworkDbContext db)
    {
        if (http.User.IsNetworkAdministrator())
            return db.Forums;
        var userId = http.User.UserId() ?? -1;
        return db.Forums.Where(f => db.Set<ForumOrganizerAssignment>().Any(a => a.ForumId == f.Id && a.UserId == userId));
    }

    public static Task<Forum?> FindAsync(HttpContext http, NetworkDbContext db, int id, CancellationToken ct) =>
        Managed(http, db).Include(f => f.Hosts).FirstOrDefaultAsync(f => f.Id == id, ct);

    /// <summary>Admin URLs of a forum, under the admin area of whichever site the organiser signed into.</summary>
    public static string AdminUrl(HttpContext http, int forumId, string rest = "") => $"{http.Request.PathBase}/admin/forums/{forumId}{rest}";
}
