
namespace NpoMunicipalNetwork.Organisations;

/// <summary>
/// The organisations' own sign-in page (staff use <c>/account/login</c>, which turns organisation accounts away),
/// and the landing after it: the person's organisation, or a page saying they have none.
/// </summary>
public static class OrganisationLoginEndpoints
{
    public static RouteGroupBuilder MapOrganisationLogin(this RouteGroupBuilder group)
    {
        group.MapGet("/", Index);
        group.MapGet("/login", (HttpContext http, string? returnUrl, string? done) => Page(http, new FormState(), returnUrl, Notice(done)));
        group.MapPost("/login", Login).RequireRateLimiting(AccountServiceCollectionExtensions.AccountRateLimit);
        group.MapGet("/mine", Mine);
        return group;
    }

    private static string? Notice(string? done) => done switch
    {
        "confirmed" => "メールアドレスを確認しました。登録したパスワードでログインしてください。",
        "joined" => "団体への参加が完了しました。設定したパスワードでログインしてください。",
        "reset" => "パスワードを再設定しました。新しいパスワードでログインしてください。",
        "logout" => "ログアウトしました。",
        _ => null,
    };

    private static IResult Page(HttpContext http, FormState form, string? returnUrl, string? notice = null, string? error = null, int status = 200) =>
        ThemeResults.View("organisations/login", new OrganisationFormModel(form, OrganisationPaths.Login, CsrfField.ForPublicForm(http), notice, error,
                Extra: new { return_url = returnUrl ?? "" }),
            new PageMeta("団体アカウントのログイン", [OrganisationPages.Home, OrganisationPages.Section, new("ログイン")]), status);

    private static async Task<IResult> Login(HttpContext http, IFormCollection input)
    {
        var (form, email, password, returnUrl) = PasswordSignIn.ReadForm(input);
        if (!form.IsValid)
            return Page(http, form, returnUrl, status: 400);
        if (await PasswordSignIn.TryAsync(http, email!, password!, AccountKind.Organisation) is { } error)
            return Page(http, form, returnUrl, error: error, status: 400);
        return Results.Redirect(OrganisationPaths.SafeReturn(returnUrl));
    }

    /// <summary>What the feature is, with the ways in; a signed-in organisation account goes straight to its organisation.</summary>
    private static IResult Index(HttpContext http) => http.User.IsOrganisationAccount()
        ? Results.Redirect(OrganisationPaths.Mine)
        : ThemeResults.View("organisations/index", null, new PageMeta("NPO・団体アカウント", [OrganisationPages.Home, new("NPO・団体アカウント")]));

    private static async Task<IResult> Mine(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        if (await OrganisationAccess.SignedInAsync(http, db, ct) is not { } user)
            return http.User.Identity?.IsAuthenticated == true ? ThemeResults.NotFound() : OrganisationAccess.ToLogin(http);
        var organisation = await db.OrganisationMembers.Where(m => m.UserId == user.Id).Select(m => (int?)m.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisation is { } id)
            return Results.Redirect(OrganisationPaths.Home(id));
        var left = http.Request.Query["done"] == "left" ? "団体から脱退しました。" : "";
        return OrganisationPages.Message("所属する団体がありません",
            $"{left}このアカウントは、いまどの団体にも所属していません。団体の管理者から招待メールを受け取り、そのリンクから参加してください。");
    }
}
