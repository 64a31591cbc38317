using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using NpoMunicipalNetwork.Mail;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>
/// Sign-up on the hub: the person's name, e-mail and password and the organisation's name make an organisation
/// account (its owner) and the organisation, unusable until the address is confirmed with the mailed link.
/// Whether an address is already registered is told only to that mailbox, never on the page.
/// </summary>
public static class SignUpEndpoints
{
    private static readonly Breadcrumb Trail = new("NPO・団体アカウント", OrganisationPaths.Root);

    public static RouteGroupBuilder MapOrganisationSignUp(this RouteGroupBuilder group)
    {
        var limit = AccountServiceCollectionExtensions.AccountRateLimit;
        group.MapGet("/signup", (HttpContext http) => Page(http, new FormState()));
        group.MapPost("/signup", SignUp).RequireRateLimiting(limit);
        group.MapGet("/signup/sent", () => OrganisationPages.Message("確認メールを送信しました",
            "入力されたメールアドレスに確認用のリンクをお送りしました。メールのリンクを開くと登録が完了します（有効期限は1日です）。メールが届かない場合は、迷惑メールのフォルダもご確認ください。"));
        group.MapGet("/confirm", (HttpContext http, string? user, string? token) => ConfirmPage(http, new FormState(), user, token));
        group.MapPost("/confirm", Confirm).RequireRateLimiting(limit);
        return group;
    }

    private static IResult Page(HttpContext http, FormState form, int status = 200) =>
        ThemeResults.View("organisations/signup", new OrganisationFormModel(form, OrganisationPaths.Root + "/signup", CsrfField.ForPublicForm(http)),
            new PageMeta("団体アカウントの登録", [new("ホーム", "/"), Trail, new("登録")]), status);

    private static IResult ConfirmPage(HttpContext http, FormState form, string? user, string? token, string? error = null, int status = 200) =>
        ThemeResults.View("organisations/confirm", new OrganisationFormModel(form, OrganisationPaths.Root + "/confirm", CsrfField.ForPublicForm(http),
                FormError: error, Extra: new { user = user ?? "", token = token ?? "" }),
            new PageMeta("メールアドレスの確認", [new("ホーム", "/"), Trail, new("メールアドレスの確認")]), status);

    private static async Task<IResult> SignUp(HttpContext http, IFormCollection input, NetworkDbContext db, UserManager<ApplicationUser> users,
        TenantContext tenant, MailSender mail, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var form = FormState.From(input);
        var name = form.Required("displayName", "お名前", 100);
        var email = form.Email("email", "メールアドレス", required: true);
        var password = PasswordRules.NewPassword(form);
        var organisationName = form.Required("organisationName", "団体名", Organisation.NameLength);
        form.Values.Remove("password");
        form.Values.Remove("confirm");
        if (!form.IsValid)
            return Page(http, form, 400);

        var existing = await users.FindByEmailAsync(email!);
        if (existing is not null && (existing.Kind != AccountKind.Organisation || existing.EmailConfirmed))
        {
            await mail.SendAsync(email!, existing.DisplayName, $"【{tenant.Tenant.DisplayName}】団体アカウントの登録について",
                $"""
                {existing.DisplayName} 様

                {tenant.Tenant.DisplayName}で、このメールアドレスによる団体アカウントの登録の申し込みがありましたが、
                このメールアドレスはすでに登録されています。新しいアカウントは作成していません。

                パスワードをお忘れの場合は、ログインページの「パスワードを忘れた方」から再設定してください。
                お心当たりがない場合は、このメールを破棄してください。
                """, ct);
            return Results.Redirect(OrganisationPaths.Root + "/signup/sent");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = OrganisationAccounts.New(email!, name!, tenant.TenantId, now);
        var organisation = new Organisation { Name = organisationName!, CreatedUtc = now, UpdatedUtc = now };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // An unconfirmed sign-up of the same address is replaced by this one; its link stops working.
            if (existing is not null)
                await OrganisationAccounts.DeleteUnconfirmedAsync(db, users, existing, ct);
            var created = await users.CreateAsync(user, password!);
            if (!created.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                foreach (var e in created.Errors)
                    form.Error(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
                return Page(http, form, 400);
            }
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(ct);
            db.OrganisationMembers.Add(new OrganisationMember { UserId = user.Id, OrganisationId = organisation.Id, Role = OrganisationRole.Owner, JoinedUtc = now });
            audit.Record(AuditAction.Create, AuditTarget.Organisation(organisation),
                $"団体「{organisation.Name}」を登録しました（登録者: {user.DisplayName}（{user.Email}）、メールアドレスの確認待ち）。", AuditActor.Of(user));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = AccountLinks.Absolute(http.Request, QueryHelpers.AddQueryString(OrganisationPaths.Root + "/confirm",
            new Dictionary<string, string?> { ["user"] = user.Id.ToString(), ["token"] = token }));
        await mail.SendAsync(email!, user.DisplayName, $"【{tenant.Tenant.DisplayName}】メールアドレスの確認",
            $"""
            {user.DisplayName} 様

            {tenant.Tenant.DisplayName}への団体アカウントの登録を受け付けました（団体名: {organisation.Name}）。
            次のリンクを開いてメールアドレスを確認すると、登録が完了します（有効期限は1日です）。

            {link}

            お心当たりがない場合は、このメールを破棄してください。登録は完了しません。
            """, ct);
        return Results.Redirect(OrganisationPaths.Root + "/signup/sent");
    }

    private static async Task<IResult> Confirm(HttpContext http, IFormCollection input, UserManager<ApplicationUser> users, AuditLog audit)
    {
        var form = FormState.From(input);
        var userId = form.Text("user");
        var token = form.Text("token");
        var user = int.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture)) : null;
        const string expired = "確認用のリンクの有効期限が切れているか、すでに使用されています。もう一度登録するか、登録済みの場合はログインしてください。";
        if (user is not { Kind: AccountKind.Organisation, EmailConfirmed: false } || string.IsNullOrEmpty(token)
            || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
            return ConfirmPage(http, form, userId, token, expired, 400);
        await audit.RecordNowAsync(AuditAction.Update, AuditTarget.User(user), "メールアドレスを確認し、団体アカウントの登録を完了しました。", AuditActor.Of(user));
        return Results.Redirect(OrganisationPaths.Login + "?done=confirmed");
    }
}
