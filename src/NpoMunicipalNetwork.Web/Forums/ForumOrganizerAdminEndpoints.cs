using Microsoft.AspNetCore.Identity;

namespace NpoMunicipalNetwork.Forums;

public sealed record OrganizerRow(int UserId, string Name, string Email, string Site, string RemoveUrl);

public sealed record OrganizersModel(string ForumTitle, IReadOnlyList<OrganizerRow> Organizers, FormState Form, string Action, string BackUrl, string? Notice);

/// <summary>
/// The secretariat assigns a forum's organisers: any user of any site, found by e-mail. Assigning also
/// grants the ForumOrganizer role on the user's own site, so they see the forum in their own admin area.
/// </summary>
public static class ForumOrganizerAdminEndpoints
{
    public static RouteGroupBuilder MapForumOrganizerAdmin(this RouteGroupBuilder forums)
    {
        var g = forums.MapGroup("/{id:int}/organizers").RequirePermission(Permissions.ManageForums);
        g.MapGet("/", (int id, HttpContext http, NetworkDbContext db, CancellationToken ct) => PageAsync(id, http, db, new FormState(), 200, ct));
        g.MapPost("/", Assign);
        g.MapPost("/{userId:int}/delete", Remove);
        return forums;
    }

    private static async Task<IResult> PageAsync(int id, HttpContext http, NetworkDbContext db, FormState form, int status, CancellationToken ct, string? notice = null)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (forum is null)
            return ThemeResults.NotFound();
        var rows = await (from a in db.ForumOrganizers
                          join u in db.Users on a.UserId equals u.Id
                          join t in db.Tenants on u.TenantId equals t.Id
                          where a.ForumId == id
                          orderby u.DisplayName
                          select new { u.Id, u.DisplayName, u.Email, Site = t.DisplayName }).ToListAsync(ct);
        var model = new OrganizersModel(forum.Title,
            rows.Select(r => new OrganizerRow(r.Id, r.DisplayName, r.Email ?? "", r.Site, ForumAccess.AdminUrl(http, id, $"/organizers/{r.Id}/delete"))).ToList(),
            form, ForumAccess.AdminUrl(http, id, "/organizers"), ForumAccess.AdminUrl(http, id, "/edit"), notice);
        return ThemeResults.Admin("admin/forums/organizers", model,
            new PageMeta($"運営者（{forum.Title}）", ForumAdminEndpoints.Section.Trail(new(forum.Title, ForumAccess.AdminUrl(http, id, "/edit")), new("運営者"))), status);
    }

    private static async Task<IResult> Assign(int id, HttpContext http, IFormCollection input, NetworkDbContext db, UserManager<ApplicationUser> users,
        TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var forum = await db.Forums.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (forum is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        var email = form.Email("email", "運営者のメールアドレス", required: true);
        // Users of every site: e-mail addresses are unique network-wide.
        var user = email is null ? null : await users.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct);
        if (email is not null && user is null)
            form.Error("email", "このメールアドレスの利用者は、どのサイトにも登録されていません。先に所属サイトで招待してください。");
        if (user is { Kind: AccountKind.Organisation })
            form.Error("email", "NPO・団体のアカウントはフォーラムの運営者にできません。職員のアカウントのメールアドレスを入力してください。");
        if (user is not null && await db.ForumOrganizers.AnyAsync(a => a.ForumId == id && a.UserId == user.Id, ct))
            form.Error("email", $"{user.DisplayName}さんはすでにこのフォーラムの運営者です。");
        if (!form.IsValid)
            return await PageAsync(id, http, db, form, 400, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ForumOrganizers.Add(new ForumOrganizerAssignment { ForumId = id, UserId = user!.Id, AssignedUtc = clock.GetUtcNow().UtcDateTime });
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.ForumOrganizer, ct);
        var grantsRole = !await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == role.Id, ct);
        if (grantsRole)
        {
            db.UserRoles.Add(new IdentityUserRole<int> { UserId = user.Id, RoleId = role.Id });
            audit.Record(AuditAction.RoleChange, AuditTarget.User(user), $"{user.DisplayName}さんに「{Roles.Japanese(Roles.ForumOrganizer)}」の権限を付与しました（フォーラム運営者の割り当てによる）。");
        }
        audit.Record(AuditAction.Update, AuditTarget.Forum(forum), $"フォーラム「{forum.Title}」の運営者に{user.DisplayName}さん（{user.Email}）を割り当てました。");
        await db.SaveChangesAsync(ct);
        // Like any role change: the person's sessions end within a minute and their next sign-in carries the role.
        if (grantsRole && !(await users.UpdateSecurityStampAsync(user)).Succeeded)
        {
            await tx.RollbackAsync(ct);
            form.Error("email", "権限の更新に失敗しました。もう一度お試しください。");
            return await PageAsync(id, http, db, form, 500, ct);
        }
        await tx.CommitAsync(ct);
        return Results.Redirect(ForumAccess.AdminUrl(http, id, "/organizers"));
    }

    private static async Task<IResult> Remove(int id, int userId, HttpContext http, IFormCollection _, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var forum = await db.Forums.FirstOrDefaultAsync(f => f.Id == id, ct);
        var assignment = await db.ForumOrganizers.FirstOrDefaultAsync(a => a.ForumId == id && a.UserId == userId, ct);
        if (forum is null || assignment is null)
            return ThemeResults.NotFound();
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        db.ForumOrganizers.Remove(assignment);
        audit.Record(AuditAction.Update, AuditTarget.Forum(forum), $"フォーラム「{forum.Title}」の運営者から{user.DisplayName}さん（{user.Email}）を外しました。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect(ForumAccess.AdminUrl(http, id, "/organizers"));
    }
}
