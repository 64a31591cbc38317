using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>
/// The invited person opens the mailed link. A new address gets an organisation account (name and password; the
/// link proved the mailbox, so no second confirmation); an organisation account without an organisation joins once
/// signed in as itself. A staff account, or an account already in an organisation, cannot join: an organisation
/// account belongs to exactly one organisation.
/// </summary>
public static class InvitationAcceptEndpoints
{
    private const string Expired = "招待のリンクの有効期限が切れているか、すでに使用されたか、取り消されています。団体の管理者に招待の再送を依頼してください。";

    public static RouteGroupBuilder MapOrganisationInvitationAccept(this RouteGroupBuilder group)
    {
        group.MapGet("/invitations/{token}", Show);
        group.MapPost("/invitations/{token}", Accept).RequireRateLimiting(AccountServiceCollectionExtensions.AccountRateLimit);
        return group;
    }

    private enum Situation { NewAccount, JoinSignedIn, SignInFirst, Refused }

    private sealed record Found(OrganisationInvitation Invitation, Organisation Organisation, ApplicationUser? Account, Situation Situation, string? Message);

    private static async Task<Found?> FindAsync(string token, HttpContext http, NetworkDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, CancellationToken ct)
    {
        if (token.Length > 100)
            return null;
        var hash = OrganisationInvitation.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await db.OrganisationInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash && i.ExpiresUtc > now, ct);
        var organisation = invitation is null ? null : await db.Organisations.FirstOrDefaultAsync(o => o.Id == invitation.OrganisationId, ct);
        if (invitation is null || organisation is null)
            return null;
        var account = await users.FindByEmailAsync(invitation.Email);
        if (account is null)
            return new(invitation, organisation, null, Situation.NewAccount, null);
        if (account.Kind != AccountKind.Organisation)
            return new(invitation, organisation, account, Situation.Refused,
                "このメールアドレスは職員のアカウントで使われているため、団体アカウントとして参加できません。別のメールアドレスで招待を受けてください。");
        var current = await db.OrganisationMembers.Where(m => m.UserId == account.Id).Select(m => (int?)m.OrganisationId).FirstOrDefaultAsync(ct);
        if (current is { } inOrganisation)
            return new(invitation, organisation, account, Situation.Refused, inOrganisation == organisation.Id
                ? "このメールアドレスのアカウントは、すでにこの団体のメンバーです。"
                : "このメールアドレスのアカウントは、すでに別の団体に所属しています。団体アカウントが所属できる団体は1つだけです。いまの団体を脱退してから、この招待のリンクをもう一度開いてください。");
        var signedIn = await OrganisationAccess.SignedInAsync(http, db, ct);
        if (signedIn?.Id == account.Id)
            return new(invitation, organisation, account, Situation.JoinSignedIn, null);
        return new(invitation, organisation, account, Situation.SignInFirst, signedIn is null
            ? "このメールアドレスの団体アカウントをお持ちです。ログインすると、この団体に参加できます。"
            : "別のアカウントでログインしています。ログアウトしてから、招待されたメールアドレスのアカウントでログインしてください。");
    }

    private static IResult Page(HttpContext http, Found f, FormState form, string? error = null, int status = 200) =>
        ThemeResults.View("organisations/invitation", new OrganisationFormModel(form, http.Request.Path, CsrfField.ForPublicForm(http), FormError: error,
                Extra: new
                {
                    organisation = f.Organisation.Name, email = f.Invitation.Email, role = f.Invitation.Role.Japanese(), invited_by = f.Invitation.InvitedByName,
                    expires_utc = f.Invitation.ExpiresUtc, situation = f.Situation.ToString(), message = f.Message,
                    login_url = QueryHelpers.AddQueryString(OrganisationPaths.Login, "returnUrl", http.Request.Path),
                }),
            new PageMeta($"「{f.Organisation.Name}」への招待", [OrganisationPages.Home, OrganisationPages.Section, new("招待")]), status);

    private static async Task<IResult> Show(string token, HttpContext http, NetworkDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, CancellationToken ct) =>
        await FindAsync(token, http, db, users, clock, ct) is { } found
            ? Page(http, found, new FormState())
            : OrganisationPages.Message("招待のリンクが無効です", Expired, 404);

    private static async Task<IResult> Accept(string token, HttpContext http, IFormCollection input, NetworkDbContext db, UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn, TenantContext tenant, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        if (await FindAsync(token, http, db, users, clock, ct) is not { } f)
            return OrganisationPages.Message("招待のリンクが無効です", Expired, 404);
        var form = FormState.From(input);
        switch (f.Situation)
        {
            case Situation.Refused:
                return Page(http, f, form, f.Message, 409);
            case Situation.SignInFirst:
                return Page(http, f, form, f.Message, 403);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var account = f.Account;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (account is null)
        {
            var name = form.Required("displayName", "お名前", 100);
            var password = PasswordRules.NewPassword(form);
            form.Values.Remove("password");
            form.Values.Remove("confirm");
            if (!form.IsValid)
                return Page(http, f, form, status: 400);
            account = OrganisationAccounts.New(f.Invitation.Email, name!, tenant.TenantId, now, confirmed: true);
            var created = await users.CreateAsync(account, password!);
            if (!created.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                foreach (var e in created.Errors)
                    form.Error("password", e.Description);
                return Page(http, f, form, status: 400);
            }
            audit.Record(AuditAction.Create, AuditTarget.User(account), $"招待のリンクから団体アカウントを作成しました（{f.Organisation.Name}）。", AuditActor.Of(account));
        }
        db.OrganisationMembers.Add(new OrganisationMember { UserId = account.Id, OrganisationId = f.Organisation.Id, Role = f.Invitation.Role, JoinedUtc = now });
        db.OrganisationInvitations.Remove(f.Invitation);
        audit.Record(AuditAction.Update, AuditTarget.Organisation(f.Organisation),
            $"{account.DisplayName}さん（{account.Email}）が招待を受けて「{f.Invitation.Role.Japanese()}」として参加しました。", AuditActor.Of(account));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (f.Situation == Situation.NewAccount)
            return Results.Redirect(OrganisationPaths.Login + "?done=joined");
        await signIn.RefreshSignInAsync(account); // the session now carries the organisation
        return Results.Redirect(OrganisationPaths.Home(f.Organisation.Id, "joined"));
    }
}
