using Microsoft.AspNetCore.Identity;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>
/// The people of an organisation: owners change roles, hand the owner's role over and remove people; anyone may
/// leave. An organisation always keeps an owner, so its last owner can neither leave, be removed nor step down.
/// Each change ends the person's other sessions' view of it within a minute (a new security stamp rebuilds the
/// organisation claim); one's own session is rebuilt at once.
/// </summary>
public static class MemberEndpoints
{
    public const string LastOwner = "団体には管理者が1人以上必要です。先にほかのメンバーを管理者にしてから、もう一度お試しください。";

    public static RouteGroupBuilder MapOrganisationMembers(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:int}/members/{userId:int}/role", SetRole);
        group.MapPost("/{id:int}/members/{userId:int}/transfer", Transfer);
        group.MapPost("/{id:int}/members/{userId:int}/remove", Remove);
        group.MapPost("/{id:int}/leave", Leave);
        return group;
    }

    /// <summary>What every change here needs (bound by the framework): the request, the database and the services that save and record it.</summary>
    public sealed record Context(HttpContext Http, NetworkDbContext Db, TimeProvider Clock, AuditLog Audit,
        UserManager<ApplicationUser> Users, SignInManager<ApplicationUser> SignIn, CancellationToken Ct)
    {
        public Task<IResult> RefuseAsync(OrganisationSession s, string message, int status = 400) =>
            OrganisationHomeEndpoints.PageAsync(Http, Db, Clock, s, error: message, status: status, ct: Ct);

        /// <summary>Saves the change and its audit entry, then has the sessions of the people it touched rebuilt.</summary>
        public async Task SaveAsync(params int[] touched)
        {
            await using var tx = await Db.Database.BeginTransactionAsync(Ct);
            await Db.SaveChangesAsync(Ct);
            var self = Http.User.UserId();
            foreach (var id in touched.Where(id => id != self))
                if (await Users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture)) is { } other)
                    await Users.UpdateSecurityStampAsync(other);
            await tx.CommitAsync(Ct);
            if (touched.Contains(self ?? 0) && await Users.GetUserAsync(Http.User) is { } me)
                await SignIn.RefreshSignInAsync(me);
        }
    }

    private static async Task<(OrganisationSession? Session, OrganisationMember? Target, string? Name, IResult? Refusal)> TargetAsync(
        Context c, int id, int userId, bool ownersOnly)
    {
        var access = ownersOnly
            ? await OrganisationAccess.LoadOwnerAsync(c.Http, c.Db, id, c.Ct)
            : await OrganisationAccess.LoadAsync(c.Http, c.Db, id, c.Ct);
        if (access.Refusal is { } refusal)
            return (null, null, null, refusal);
        var s = access.Session!;
        var target = userId == s.User.Id ? s.Member
            : await c.Db.OrganisationMembers.FirstOrDefaultAsync(m => m.UserId == userId && m.OrganisationId == id, c.Ct);
        if (target is null)
            return (null, null, null, ThemeResults.NotFound());
        var name = userId == s.User.Id ? s.User.DisplayName : await c.Db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(c.Ct);
        return (s, target, name, null);
    }

    private static async Task<bool> IsLastOwnerAsync(Context c, OrganisationMember m) =>
        m.Role == OrganisationRole.Owner
        && await c.Db.OrganisationMembers.CountAsync(o => o.OrganisationId == m.OrganisationId && o.Role == OrganisationRole.Owner, c.Ct) == 1;

    private static async Task<IResult> SetRole(int id, int userId, IFormCollection input, [AsParameters] Context c)
    {
        var (s, target, name, refusal) = await TargetAsync(c, id, userId, ownersOnly: true);
        if (refusal is not null)
            return refusal;
        var form = FormState.From(input);
        if (OrganisationRoles.Parse(form.Text("role")) is not { } role)
            return await c.RefuseAsync(s!, "役割は一覧から選んでください。");
        if (role != OrganisationRole.Owner && await IsLastOwnerAsync(c, target!))
            return await c.RefuseAsync(s!, LastOwner);
        if (target!.Role != role)
        {
            c.Audit.Record(AuditAction.RoleChange, AuditTarget.Organisation(s!.Organisation),
                $"{name}さんの役割を「{target.Role.Japanese()}」から「{role.Japanese()}」に変更しました。");
            target.Role = role;
            await c.SaveAsync(userId);
        }
        return Results.Redirect(OrganisationPaths.Home(id, "role"));
    }

    private static async Task<IResult> Transfer(int id, int userId, IFormCollection _, [AsParameters] Context c)
    {
        var (s, target, name, refusal) = await TargetAsync(c, id, userId, ownersOnly: true);
        if (refusal is not null)
            return refusal;
        if (target!.UserId == s!.User.Id)
            return await c.RefuseAsync(s, "自分自身には引き継げません。引き継ぐ相手を選んでください。");
        target.Role = OrganisationRole.Owner;
        s.Member.Role = OrganisationRole.Editor;
        c.Audit.Record(AuditAction.RoleChange, AuditTarget.Organisation(s.Organisation),
            $"管理者の役割を{s.User.DisplayName}さんから{name}さんに引き継ぎました（{s.User.DisplayName}さんは編集者になりました）。");
        await c.SaveAsync(userId, s.User.Id);
        return Results.Redirect(OrganisationPaths.Home(id, "transferred"));
    }

    private static async Task<IResult> Remove(int id, int userId, IFormCollection _, [AsParameters] Context c) =>
        await DepartAsync(c, id, userId, ownersOnly: true);

    private static async Task<IResult> Leave(int id, IFormCollection _, [AsParameters] Context c)
    {
        return c.Http.User.UserId() is { } self ? await DepartAsync(c, id, self, ownersOnly: false) : OrganisationAccess.ToLogin(c.Http);
    }

    /// <summary>A person leaves the organisation (or is removed from it); the account stays, with no organisation.</summary>
    private static async Task<IResult> DepartAsync(Context c, int id, int userId, bool ownersOnly)
    {
        var (s, target, name, refusal) = await TargetAsync(c, id, userId, ownersOnly);
        if (refusal is not null)
            return refusal;
        if (await IsLastOwnerAsync(c, target!))
            return await c.RefuseAsync(s!, "最後の管理者は団体から抜けられません。" + LastOwner);
        var self = userId == s!.User.Id;
        c.Db.OrganisationMembers.Remove(target!);
        c.Audit.Record(AuditAction.Update, AuditTarget.Organisation(s.Organisation),
            self ? $"{name}さんが団体から脱退しました。" : $"{name}さんを団体から外しました。");
        await c.SaveAsync(userId);
        return Results.Redirect(self ? OrganisationPaths.Mine + "?done=left" : OrganisationPaths.Home(id, "removed"));
    }
}
