using Microsoft.AspNetCore.Identity;

namespace NpoMunicipalNetwork.Accounts;

/// <summary>Sign in and out, and change one's password. Staff sign in on their own site; the secretariat on any.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account");
        group.MapGet("/login", (HttpContext http, string? returnUrl, string? done) => LoginPage(http, new FormState(), returnUrl, Notice(done)));
        group.MapPost("/login", Login).RequireRateLimiting(AccountServiceCollectionExtensions.AccountRateLimit);
        group.MapPost("/logout", Logout);
        group.MapGet("/password", () => PasswordPage(new FormState())).RequireAuthorization();
        group.MapPost("/password", ChangePassword).RequireAuthorization();
        app.MapPasswordReset();
        app.MapInvitations();
        app.MapFirstAdministratorSetup();
        return app;
    }

    private static string? Notice(string? done) => done switch
    {
        "reset" => "パスワードを再設定しました。新しいパスワードでログインしてください。",
        "invited" => "登録が完了しました。設定したパスワードでログインしてください。",
        "logout" => "ログアウトしました。",
        _ => null,
    };

    private static IResult LoginPage(HttpContext http, FormState form, string? returnUrl, string? notice = null, string? error = null, int status = 200)
    {
        var hidden = new Dictionary<string, string> { ["returnUrl"] = returnUrl ?? "" };
        // On the hub, a link for the NPOs' people, who have their own sign-in page.
        var organisations = PasswordSignIn.LoginPath(http, AccountKind.Organisation);
        if (http.RequestServices.GetRequiredService<TenantContext>().Tenant.IsHub && organisations != "/account/login")
            hidden["organisationLogin"] = organisations;
        return ThemeResults.Admin("account/login", new AccountFormModel(form, notice, error, hidden), new PageMeta("ログイン"), status);
    }

    private static async Task<IResult> Login(HttpContext http, IFormCollection input)
    {
        var (form, email, password, returnUrl) = PasswordSignIn.ReadForm(input);
        if (!form.IsValid)
            return LoginPage(http, form, returnUrl, status: 400);
        if (await PasswordSignIn.TryAsync(http, email!, password!, AccountKind.Staff) is { } error)
            return LoginPage(http, form, returnUrl, error: error, status: 400);
        if (string.IsNullOrEmpty(returnUrl) && !await MayUseAdminAsync(http, email!))
            return Results.Redirect(LandingWithoutAdmin(http));
        return Results.Redirect(AccountLinks.SafeReturn(http.Request, returnUrl));
    }

    /// <summary>
    /// Whether the admin area of this site opens for the person: a role that grants it (member staff's does not), on
    /// their own site (a member site's staff signed in on the hub are its guests) or as the secretariat anywhere.
    /// </summary>
    private static async Task<bool> MayUseAdminAsync(HttpContext http, string email)
    {
        var users = http.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not { } user)
            return false;
        var roles = await users.GetRolesAsync(user);
        var here = user.TenantId == http.RequestServices.GetRequiredService<TenantContext>().TenantId || roles.Contains(Roles.NetworkAdministrator);
        return here && roles.Any(r => Permissions.Grants(r, Permissions.AccessAdmin));
    }

    /// <summary>
    /// Where someone without the admin area lands: on the hub the boards (what member staff sign in there for), on a
    /// member site its home page — never the 403 that /admin would answer.
    /// </summary>
    private static string LandingWithoutAdmin(HttpContext http) =>
        http.RequestServices.GetRequiredService<TenantContext>().Tenant.IsHub ? "/boards" : $"{http.Request.PathBase}/";

    /// <summary>
    /// Where a user may sign in: on their own site, and on the hub (the boards are the network's), where
    /// a member site's user gets a guest session that grants no permission anywhere (see <see cref="NetworkClaims.SessionTenant"/>).
    /// </summary>
    public static async Task<bool> MaySignInHereAsync(ApplicationUser user, UserManager<ApplicationUser> users, TenantContext tenant) =>
        tenant.Tenant.IsHub || await BelongsHereAsync(user, users, tenant);

    /// <summary>A user belongs on their own tenant's site; network administrators on any site.</summary>
    public static async Task<bool> BelongsHereAsync(ApplicationUser user, UserManager<ApplicationUser> users, TenantContext tenant) =>
        user.TenantId == tenant.TenantId || await users.IsInRoleAsync(user, Roles.NetworkAdministrator);

    private static async Task<IResult> Logout(HttpContext http, IFormCollection _, SignInManager<ApplicationUser> signIn)
    {
        // Each kind of account goes back to its own sign-in page.
        var kind = http.User.IsOrganisationAccount() ? AccountKind.Organisation : AccountKind.Staff;
        await signIn.SignOutAsync();
        return Results.Redirect($"{http.Request.PathBase}{PasswordSignIn.LoginPath(http, kind)}?done=logout");
    }

    private static IResult PasswordPage(FormState form, string? notice = null, int status = 200) =>
        ThemeResults.Admin("account/password", new AccountFormModel(form, notice), new PageMeta("パスワードの変更"), status);

    private static async Task<IResult> ChangePassword(HttpContext http, IFormCollection input, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
        AuditLog audit)
    {
        var form = FormState.From(input);
        var current = form.Text("current");
        var next = PasswordRules.NewPassword(form);
        if (string.IsNullOrEmpty(current))
            form.Error("current", "現在のパスワードを入力してください。");
        foreach (var key in new[] { "current", "password", "confirm" })
            form.Values.Remove(key);
        if (!form.IsValid)
            return PasswordPage(form, status: 400);

        var user = await users.GetUserAsync(http.User);
        if (user is null)
            return Results.Redirect($"{http.Request.PathBase}/account/login");
        var result = await users.ChangePasswordAsync(user, current!, next!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                form.Error(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "current" : "password", e.Description);
            return PasswordPage(form, status: 400);
        }
        await audit.RecordNowAsync(AuditAction.Update, AuditTarget.User(user), "自分のパスワードを変更しました。");
        await signIn.RefreshSignInAsync(user);
        return PasswordPage(new FormState(), "パスワードを変更しました。");
    }
}

/// <summary>A form reached from a mailed link (reset, invitation): the user and token it carries, and a new password.</summary>
public sealed record MailedLinkForm(FormState Form, string? UserId, string? Token, string? Password, ApplicationUser? User)
{
    public static async Task<MailedLinkForm> ReadAsync(IFormCollection input, UserManager<ApplicationUser> users)
    {
        var form = FormState.From(input);
        var userId = form.Text("user");
        var token = form.Text("token");
        var password = PasswordRules.NewPassword(form);
        form.Values.Remove("password"); // never echoed back into a page
        form.Values.Remove("confirm");
        var user = int.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        return new MailedLinkForm(form, userId, string.IsNullOrEmpty(token) ? null : token, password, user);
    }
}

public static class PasswordRules
{
    /// <summary>The new password and its confirmation; Identity's own rules are checked when it is set.</summary>
    public static string? NewPassword(FormState form)
    {
        var password = form.Text("password");
        var confirm = form.Text("confirm");
        if (string.IsNullOrEmpty(password))
            form.Error("password", "新しいパスワードを入力してください。");
        else if (password.Length < 10)
            form.Error("password", "パスワードは10文字以上にしてください。");
        else if (password != confirm)
            form.Error("confirm", "確認用のパスワードが一致しません。");
        return form.Errors.ContainsKey("password") || form.Errors.ContainsKey("confirm") ? null : password;
    }
}
