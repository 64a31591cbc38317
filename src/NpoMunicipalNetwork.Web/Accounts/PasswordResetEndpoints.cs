using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using NpoMunicipalNetwork.Mail;

namespace NpoMunicipalNetwork.Accounts;

/// <summary>Forgot password → mail with a one-time link → set a new password (which also lifts a lockout).</summary>
public static class PasswordResetEndpoints
{
    public static IEndpointRouteBuilder MapPasswordReset(this IEndpointRouteBuilder app)
    {
        var limit = AccountServiceCollectionExtensions.AccountRateLimit;
        app.MapGet("/account/forgot", () => ForgotPage(new FormState()));
        app.MapPost("/account/forgot", Forgot).RequireRateLimiting(limit);
        app.MapGet("/account/reset", (string? user, string? token) => ResetPage(new FormState(), user, token));
        app.MapPost("/account/reset", Reset).RequireRateLimiting(limit);
        return app;
    }

    private static IResult ForgotPage(FormState form, string? notice = null, int status = 200) =>
        ThemeResults.Admin("account/forgot", new AccountFormModel(form, notice), new PageMeta("パスワードの再設定"), status);

    private static IResult ResetPage(FormState form, string? user, string? token, string? error = null, int status = 200) =>
        ThemeResults.Admin("account/reset", new AccountFormModel(form, null, error,
            new Dictionary<string, string> { ["user"] = user ?? "", ["token"] = token ?? "" }), new PageMeta("新しいパスワードの設定"), status);

    private static async Task<IResult> Forgot(HttpContext http, IFormCollection input, UserManager<ApplicationUser> users, TenantContext tenant, MailSender mail)
    {
        var form = FormState.From(input);
        var email = form.Email("email", "メールアドレス", required: true);
        if (!form.IsValid)
            return ForgotPage(form, status: 400);

        var user = await users.FindByEmailAsync(email!);
        if (user is not null && user.EmailConfirmed && await AccountEndpoints.BelongsHereAsync(user, users, tenant))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = AccountLinks.Absolute(http.Request, QueryHelpers.AddQueryString("/account/reset",
                new Dictionary<string, string?> { ["user"] = user.Id.ToString(), ["token"] = token }));
            await mail.SendAsync(user.Email!, user.DisplayName, $"【{tenant.Tenant.DisplayName}】パスワードの再設定",
                $"""
                {user.DisplayName} 様

                {tenant.Tenant.DisplayName} の{(user.Kind == AccountKind.Organisation ? "団体アカウント" : "管理画面")}のパスワード再設定を受け付けました。
                次のリンクを開き、新しいパスワードを設定してください（有効期限は1日です）。

                {link}

                お心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。
                """, http.RequestAborted);
        }
        // The same answer whether or not the address is registered.
        return ForgotPage(new FormState(), "入力されたメールアドレスが登録されている場合は、再設定用のリンクをお送りしました。メールをご確認ください。");
    }

    private static async Task<IResult> Reset(HttpContext http, IFormCollection input, UserManager<ApplicationUser> users, AuditLog audit)
    {
        var (form, userId, token, password, user) = await MailedLinkForm.ReadAsync(input, users);
        const string expired = "リンクの有効期限が切れているか、すでに使用されています。もう一度お手続きください。";
        if (user is null || token is null)
            return ResetPage(form, userId, token, expired, 400);
        if (!form.IsValid)
            return ResetPage(form, userId, token, status: 400);

        var result = await users.ResetPasswordAsync(user, token, password!);
        if (!result.Succeeded)
        {
            var invalidToken = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            foreach (var e in result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.InvalidToken)))
                form.Error("password", e.Description);
            return ResetPage(form, userId, token, invalidToken ? expired : null, 400);
        }
        // A reset lifts a lockout after failed sign-ins, never a suspension by an administrator.
        var suspended = user.LockoutEnd == DateTimeOffset.MaxValue;
        if (!suspended)
            await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordNowAsync(AuditAction.Update, AuditTarget.User(user),
            suspended ? "メールのリンクからパスワードを再設定しました（利用停止中のまま）。" : "メールのリンクからパスワードを再設定しました。",
            AuditActor.Of(user));
        // Each kind of account signs in on its own page.
        return Results.Redirect($"{http.Request.PathBase}{PasswordSignIn.LoginPath(http, user.Kind)}?done=reset");
    }
}
