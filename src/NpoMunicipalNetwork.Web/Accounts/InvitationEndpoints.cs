using Microsoft.AspNetCore.Identity;

namespace NpoMunicipalNetwork.Accounts;

/// <summary>An invited person confirms their address and sets their password with the link from the invitation mail.</summary>
public static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/invitation", (string? user, string? token) => Page(new FormState(), user, token));
        app.MapPost("/account/invitation", Accept).RequireRateLimiting(AccountServiceCollectionExtensions.AccountRateLimit);
        return app;
    }

    private static IResult Page(FormState form, string? user, string? token, string? error = null, int status = 200) =>
        ThemeResults.Admin("account/invitation", new AccountFormModel(form, null, error,
            new Dictionary<string, string> { ["user"] = user ?? "", ["token"] = token ?? "" }), new PageMeta("利用者登録の完了"), status);

    private static async Task<IResult> Accept(HttpContext http, IFormCollection input, UserManager<ApplicationUser> users, NetworkDbContext db)
    {
        var (form, userId, token, password, user) = await MailedLinkForm.ReadAsync(input, users);
        const string expired = "招待リンクの有効期限が切れているか、すでに使用されています。サイトの管理者に再送を依頼してください。";
        if (user is null || token is null || user.EmailConfirmed)
            return Page(form, userId, token, expired, 400);
        if (!form.IsValid)
            return Page(form, userId, token, status: 400);

        // Confirming the address and setting the password are one action: both or neither.
        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var confirmed = await users.ConfirmEmailAsync(user, token);
        if (!confirmed.Succeeded)
            return Page(form, userId, token, expired, 400);
        var set = await users.AddPasswordAsync(user, password!);
        if (!set.Succeeded)
        {
            await tx.RollbackAsync(http.RequestAborted);
            db.ChangeTracker.Clear();
            foreach (var e in set.Errors)
                form.Error("password", e.Description);
            return Page(form, userId, token, status: 400);
        }
        user.InvitedUtc = null;
        await users.UpdateAsync(user);
        await tx.CommitAsync(http.RequestAborted);
        return Results.Redirect($"{http.Request.PathBase}/account/login?done=invited");
    }
}
