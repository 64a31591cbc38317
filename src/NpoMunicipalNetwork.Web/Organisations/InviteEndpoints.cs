using Microsoft.AspNetCore.Identity;
using NpoMunicipalNetwork.Mail;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>
/// An owner invites people by e-mail. The page never says whether an address has an account (that is for the
/// mailbox's owner to find out when they open the link); inviting the same address again replaces the old link.
/// </summary>
public static class InviteEndpoints
{
    public const int MaxOpenInvitations = 20;

    public static RouteGroupBuilder MapOrganisationInvitations(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:int}/invite", async (int id, HttpContext http, NetworkDbContext db, CancellationToken ct) =>
        {
            var access = await OrganisationAccess.LoadOwnerAsync(http, db, id, ct);
            return access.Refusal ?? Page(http, access.Session!, new FormState());
        });
        group.MapPost("/{id:int}/invite", Invite).RequireRateLimiting(AccountServiceCollectionExtensions.AccountRateLimit);
        group.MapPost("/{id:int}/invitations/{invitationId:int}/cancel", Cancel);
        return group;
    }

    /// <summary>Roles an invitation may carry; a co-owner is made from an existing member, on the members' list.</summary>
    private static readonly OrganisationRole[] Invitable = [OrganisationRole.Editor, OrganisationRole.Member];

    private static IResult Page(HttpContext http, OrganisationSession s, FormState form, int status = 200)
    {
        var role = form.Text("role") ?? nameof(OrganisationRole.Member);
        var options = new Dictionary<string, IReadOnlyList<Option>> { ["role"] = Invitable.Select(r => new Option(r.ToString(), r.Japanese(), r.ToString() == role)).ToList() };
        return ThemeResults.View("organisations/invite",
            new OrganisationFormModel(form, $"{s.HomeUrl}/invite", CsrfField.ForPublicForm(http), Options: options, Extra: new { home_url = s.HomeUrl }),
            new PageMeta("メンバーの招待", [OrganisationPages.Home, OrganisationPages.Section, new(s.Organisation.Name, s.HomeUrl), new("メンバーの招待")]), status);
    }

    private static async Task<IResult> Invite(int id, HttpContext http, IFormCollection input, NetworkDbContext db, UserManager<ApplicationUser> users,
        TenantContext tenant, MailSender mail, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var access = await OrganisationAccess.LoadOwnerAsync(http, db, id, ct);
        if (access.Refusal is { } refusal)
            return refusal;
        var s = access.Session!;
        var form = FormState.From(input);
        var email = form.Email("email", "招待する人のメールアドレス", required: true);
        var role = OrganisationRoles.Parse(form.Text("role"));
        if (role is null || !Invitable.Contains(role.Value))
            form.Error("role", "役割は「編集者」か「メンバー」から選んでください。");
        var normalized = email is null ? null : users.NormalizeEmail(email);
        if (normalized is not null)
        {
            if (await db.OrganisationMembers.Where(m => m.OrganisationId == id).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail).AnyAsync(e => e == normalized, ct))
                form.Error("email", $"「{email}」はすでにこの団体のメンバーです。");
            else if (await db.OrganisationInvitations.CountAsync(i => i.OrganisationId == id && i.NormalizedEmail != normalized, ct) >= MaxOpenInvitations)
                form.Error("email", $"返事を待っている招待が{MaxOpenInvitations}件あります。不要な招待を取り消してから、もう一度招待してください。");
        }
        if (!form.IsValid)
            return Page(http, s, form, 400);

        var now = clock.GetUtcNow().UtcDateTime;
        var token = OrganisationInvitation.NewToken();
        var invitation = new OrganisationInvitation
        {
            OrganisationId = id, Email = email!, NormalizedEmail = normalized!, Role = role!.Value, TokenHash = OrganisationInvitation.Hash(token),
            InvitedByName = s.User.DisplayName, CreatedUtc = now, ExpiresUtc = now + OrganisationInvitation.Lifetime,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Inviting again replaces the earlier invitation: its link stops working.
            await db.OrganisationInvitations.Where(i => i.OrganisationId == id && i.NormalizedEmail == normalized).ExecuteDeleteAsync(ct);
            db.OrganisationInvitations.Add(invitation);
            audit.Record(AuditAction.Create, AuditTarget.Organisation(s.Organisation), $"{email}を「{role.Value.Japanese()}」として招待しました。");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        var link = AccountLinks.Absolute(http.Request, $"{OrganisationPaths.Root}/invitations/{token}");
        var hub = tenant.Tenant.DisplayName;
        await mail.SendAsync(email!, email!, $"【{hub}】「{s.Organisation.Name}」への招待",
            $"""
            {email} 様

            {hub}の団体アカウントで、「{s.Organisation.Name}」の{s.User.DisplayName}さんから、
            団体のメンバー（役割: {role.Value.Japanese()}）として招待されました。
            次のリンクを開いて、参加の手続きをしてください（{JapanTime.FormatDateTime(invitation.ExpiresUtc)}まで有効です）。

            {link}

            お心当たりがない場合は、このメールを破棄してください。
            """, ct);
        return Results.Redirect(OrganisationPaths.Home(id, "invited"));
    }

    private static async Task<IResult> Cancel(int id, int invitationId, HttpContext http, IFormCollection _, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var access = await OrganisationAccess.LoadOwnerAsync(http, db, id, ct);
        if (access.Refusal is { } refusal)
            return refusal;
        var invitation = await db.OrganisationInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == id, ct);
        if (invitation is null)
            return ThemeResults.NotFound();
        db.OrganisationInvitations.Remove(invitation);
        audit.Record(AuditAction.Delete, AuditTarget.Organisation(access.Session!.Organisation), $"{invitation.Email}への招待を取り消しました。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect(OrganisationPaths.Home(id, "cancelled"));
    }
}
