using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Accounts;

/// <summary>Where an organisation account signs in; set by the feature that serves the organisations' pages.</summary>
public sealed class OrganisationAccountPages
{
    /// <summary>The hub's sign-in page for organisation accounts (null until a feature serves one).</summary>
    public string? LoginPath { get; set; }
}

/// <summary>
/// The password check behind every sign-in page: the staff's (<c>/account/login</c>) and the organisations'. Each
/// page admits one <see cref="AccountKind"/>; the other kind is told where to go only after its password proved
/// right, so the page never reveals which kind an address belongs to.
/// </summary>
public static class PasswordSignIn
{
    public const string Wrong = "メールアドレスまたはパスワードが正しくありません。";

    /// <summary>A sign-in form: address, password (never echoed back) and where to return.</summary>
    public static (FormState Form, string? Email, string? Password, string? ReturnUrl) ReadForm(IFormCollection input)
    {
        var form = FormState.From(input);
        var email = form.Required("email", "メールアドレス", 254);
        var password = form.Text("password");
        if (string.IsNullOrEmpty(password))
            form.Error("password", "パスワードを入力してください。");
        form.Values.Remove("password");
        return (form, email, password, form.Text("returnUrl"));
    }

    /// <summary>Signs in and returns null, or returns the Japanese message the page shows.</summary>
    public static async Task<string?> TryAsync(HttpContext http, string email, string password, AccountKind kind)
    {
        var services = http.RequestServices;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = services.GetRequiredService<SignInManager<ApplicationUser>>();
        var tenant = services.GetRequiredService<TenantContext>();
        var audit = services.GetRequiredService<AuditLog>();

        var user = await users.FindByEmailAsync(email);
        // Staff of another member's site get the same answer as an unknown address: no account probing.
        if (user is null || !await AccountEndpoints.MaySignInHereAsync(user, users, tenant))
        {
            // A network-level entry: this site's administrators do not learn whether the address exists elsewhere.
            await audit.RecordNowAsync(AuditAction.LoginFailed, AuditTarget.SignInAddress(email),
                $"{tenant.Tenant.DisplayName}へのログインに失敗しました（このサイトに登録のないメールアドレス）。", AuditActor.Nobody, AuditScope.Network);
            return Wrong;
        }

        var lockedBefore = await users.IsLockedOutAsync(user);
        // Identity saves the user's failure count or lockout here; the entries below are saved on their own.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded && user.Kind != kind)
        {
            await audit.RecordNowAsync(AuditAction.LoginFailed, AuditTarget.User(user), user.Kind == AccountKind.Organisation
                ? "職員用のログインページで、団体アカウントのログインを拒否しました。"
                : "団体用のログインページで、職員アカウントのログインを拒否しました。", AuditActor.Nobody);
            return user.Kind == AccountKind.Organisation
                ? "このアカウントはNPO・団体のアカウントです。職員用の管理画面には入れません。団体用のログインページからログインしてください。"
                : "このアカウントは職員のアカウントです。職員用のログインページからログインしてください。";
        }
        if (result.Succeeded)
        {
            // The claims factory cannot know where the session is opened; it reads this for the session claim.
            http.Items[NetworkClaims.SessionTenant] = tenant.TenantId;
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "pwd");
            await audit.RecordNowAsync(AuditAction.Login, AuditTarget.User(user), "ログインしました。", AuditActor.Of(user));
            return null;
        }
        var (action, summary) = result switch
        {
            { IsLockedOut: true } when !lockedBefore => (AuditAction.Lockout, "ログインに続けて失敗したため、アカウントを15分間ロックしました。"),
            { IsLockedOut: true } when user.LockoutEnd == DateTimeOffset.MaxValue => (AuditAction.LoginFailed, "利用停止中のアカウントへのログインを拒否しました。"),
            { IsLockedOut: true } => (AuditAction.LoginFailed, "ロック中のアカウントへのログインを拒否しました。"),
            { IsNotAllowed: true } => (AuditAction.LoginFailed, "登録が完了していないアカウントへのログインを拒否しました。"),
            _ => (AuditAction.LoginFailed, "パスワードが正しくないため、ログインに失敗しました。"),
        };
        await audit.RecordNowAsync(action, AuditTarget.User(user), summary, AuditActor.Nobody);
        return result switch
        {
            { IsLockedOut: true } => "ログインに続けて失敗したため、このアカウントは15分間ロックされています。時間をおいてお試しいただくか、パスワードを再設定してください。",
            { IsNotAllowed: true } when user.Kind == AccountKind.Organisation =>
                "メールアドレスの確認が済んでいません。登録のときにお送りしたメールのリンクを開いて、確認を済ませてください。",
            { IsNotAllowed: true } => "登録が完了していません。招待メールのリンクからパスワードを設定してください。",
            _ => Wrong,
        };
    }

    /// <summary>The sign-in page of an account's kind, for links and redirects made by the shared account pages.</summary>
    public static string LoginPath(HttpContext http, AccountKind kind) =>
        kind == AccountKind.Organisation && http.RequestServices.GetRequiredService<IOptions<OrganisationAccountPages>>().Value.LoginPath is { } path
            ? path
            : "/account/login";
}
