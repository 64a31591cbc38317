using Microsoft.AspNetCore.Identity;

namespace NpoMunicipalNetwork.Accounts;

/// <summary><c>/setup</c> on the hub: creates the first network administrator with the one-time code from the console.</summary>
public static class FirstAdministratorEndpoints
{
    public static IEndpointRouteBuilder MapFirstAdministratorSetup(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/setup").HubOnly();
        group.MapGet("/", (FirstAdministratorSetup setup) => setup.IsPending ? Page(new FormState()) : ThemeResults.NotFound());
        group.MapPost("/", Create).RequireRateLimiting(AccountServiceCollectionExtensions.AccountRateLimit);
        return app;
    }

    private static IResult Page(FormState form, string? error = null, int status = 200) =>
        ThemeResults.Admin("account/setup", new AccountFormModel(form, null, error), new PageMeta("最初の管理者の登録"), status);

    private static async Task<IResult> Create(HttpContext http, IFormCollection input, FirstAdministratorSetup setup, UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn, TenantContext tenant, NetworkDbContext db, TimeProvider clock)
    {
        if (!setup.IsPending)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        var code = form.Required("code", "初期設定コード", 40);
        var name = form.Required("displayName", "氏名", 100);
        var email = form.Email("email", "メールアドレス", required: true);
        var password = PasswordRules.NewPassword(form);
        foreach (var key in new[] { "code", "password", "confirm" })
            form.Values.Remove(key);
        if (!form.IsValid)
            return Page(form, status: 400);
        if (!setup.TryConsume(code))
        {
            form.Error("code", "初期設定コードが正しくありません。起動時にコンソールに表示されたコードを入力してください。");
            return Page(form, status: 400);
        }

        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name!,
            TenantId = tenant.TenantId, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password!);
        var granted = created.Succeeded ? await users.AddToRoleAsync(user, Roles.NetworkAdministrator) : created;
        if (!granted.Succeeded)
        {
            await tx.RollbackAsync(http.RequestAborted);
            db.ChangeTracker.Clear();
            setup.Restore(code!);
            foreach (var e in granted.Errors)
                form.Error(e.Code.Contains("Email") ? "email" : "password", e.Description);
            return Page(form, status: 400);
        }
        await tx.CommitAsync(http.RequestAborted);
        await signIn.SignInAsync(user, isPersistent: false);
        return Results.Redirect("/admin");
    }
}
