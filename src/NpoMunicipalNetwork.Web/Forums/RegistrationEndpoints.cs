using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;

namespace NpoMunicipalNetwork.Forums;

public sealed record RegistrationFormModel(ForumSummaryModel Forum, FormState Form, string Action, CsrfField Csrf, bool IsOpen, string? ClosedReason,
    IReadOnlyList<Option> Kinds, IReadOnlyList<SessionChoice> Sessions, DateOnly? ClosesOn, string? FormError);

public sealed record SessionChoice(string Value, string Label, bool Selected, bool IsFull);

public sealed record RegistrationDoneModel(ForumSummaryModel Forum, bool Confirmed, string Email);

public sealed record CancelModel(string? ForumTitle, string? Name, string Status, string Action, CsrfField Csrf, bool Done, bool Missing);

/// <summary>
/// The public registration form (参加申込) of a forum whose registration is open, and cancelling by the
/// mailed link, which needs no sign-in. Places and the waitlist are kept by <see cref="RegistrationBook"/>.
/// </summary>
public static class RegistrationEndpoints
{
    public const string RateLimit = "forum-registration";

    public static RouteGroupBuilder MapRegistration(this RouteGroupBuilder forums)
    {
        forums.MapGet("/{edition:int}/register", (int edition, HttpContext http, NetworkDbContext db, TenantCatalog catalog, TimeProvider clock, CancellationToken ct) =>
            FormAsync(edition, http, db, catalog, clock, new FormState(), null, 200, ct));
        forums.MapPost("/{edition:int}/register", Register).RequireRateLimiting(RateLimit);
        forums.MapGet("/registration/cancel/{token}", CancelPage);
        forums.MapPost("/registration/cancel/{token}", Cancel).RequireRateLimiting(RateLimit);
        return forums;
    }

    public static bool IsOpen(Forum forum, TimeProvider clock) => ClosedReason(forum, clock) is null;

    private static string? ClosedReason(Forum forum, TimeProvider clock) =>
        forum.Status != ForumStatus.RegistrationOpen ? "このフォーラムは現在、参加申込を受け付けていません。"
        : forum.RegistrationClosesOn is { } closes && clock.Today() > closes ? $"参加申込の受付は{JapaneseEra.FormatDate(closes)}で締め切りました。"
        : null;

    /// <summary>The antiforgery field for a form of the public theme; such a page must never be stored in the shared output cache.</summary>
    private static CsrfField Csrf(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        if (http.Features.Get<IOutputCacheFeature>() is { } cache)
            cache.Context.AllowCacheStorage = false;
        return new CsrfField(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private static async Task<IResult> FormAsync(int edition, HttpContext http, NetworkDbContext db, TenantCatalog catalog, TimeProvider clock,
        FormState form, string? formError, int status, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Edition == edition, ct);
        if (forum is null)
            return ThemeResults.NotFound();
        var summary = (await ForumDirectory.SummaryAsync(db, catalog, edition, ct))!;
        var chosen = form.Many("sessions").ToHashSet();
        var sessions = await db.ForumSessions.AsNoTracking().Where(s => s.ForumId == forum.Id).OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToListAsync(ct);
        var taken = await db.RegistrationSessions.Where(x => db.Set<Registration>().Any(r => r.Id == x.RegistrationId && r.ForumId == forum.Id && r.Status == RegistrationStatus.Confirmed))
            .GroupBy(x => x.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var choices = sessions.Select(s => new SessionChoice(s.Id.ToString(),
            $"{JapaneseEra.FormatDate(s.Date)} {s.StartTime:HH:mm}〜{s.EndTime:HH:mm} {s.Kind.Japanese()}「{s.Title}」" + (s.IsSample ? "（見本）" : ""),
            chosen.Contains(s.Id.ToString()), s.Capacity is { } c && taken.GetValueOrDefault(s.Id) >= c)).ToList();
        var kind = form.Text("kind");
        var kinds = Enum.GetValues<ParticipantKind>().Select(k => new Option(k.ToString(), k.Japanese(), k.ToString() == kind)).ToList();
        var reason = ClosedReason(forum, clock);
        return ThemeResults.View("forums/register", new RegistrationFormModel(summary, form, $"/forums/{edition}/register", Csrf(http), reason is null, reason,
                kinds, choices, forum.RegistrationClosesOn, formError),
            new PageMeta($"参加申込（{forum.Title}）", [new("ホーム", "/"), new("フォーラム", "/forums"), new(forum.Title, $"/forums/{edition}"), new("参加申込")]), status);
    }

    /// <summary>Validates the whole form; every problem names its field in Japanese.</summary>
    private static RegistrationRequest? Read(FormState form, IReadOnlyCollection<int> sessionIds)
    {
        var name = form.Required("name", "お名前", 100);
        var organization = form.Optional("organization", "所属（団体名）", 200);
        if (!Enum.TryParse<ParticipantKind>(form.Text("kind"), out var kind) || !Enum.IsDefined(kind) || int.TryParse(form.Text("kind"), out _))
            form.Error("kind", "所属の種類（行政・NPO・その他）を選んでください。");
        var email = form.Email("email", "メールアドレス", required: true);
        var chosen = new List<int>();
        foreach (var s in form.Many("sessions"))
        {
            if (!int.TryParse(s, out var id) || !sessionIds.Contains(id))
            {
                form.Error("sessions", "参加するセッションは一覧から選んでください。");
                break;
            }
            chosen.Add(id);
        }
        var needs = form.Optional("accessibility", "配慮が必要な事項", 1000);
        return form.IsValid ? new RegistrationRequest(name!, organization, kind, email!, needs, chosen) : null;
    }

    private static async Task<IResult> Register(int edition, HttpContext http, IFormCollection input, NetworkDbContext db, TenantCatalog catalog,
        TimeProvider clock, RegistrationBook book, RegistrationMail mail, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Edition == edition, ct);
        if (forum is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        if (ClosedReason(forum, clock) is { } closed)
            return await FormAsync(edition, http, db, catalog, clock, form, closed, 400, ct);
        var sessionIds = await db.ForumSessions.Where(s => s.ForumId == forum.Id).Select(s => s.Id).ToListAsync(ct);
        if (Read(form, sessionIds) is not { } request)
            return await FormAsync(edition, http, db, catalog, clock, form, null, 400, ct);

        var result = await book.RegisterAsync(forum.Id, request, ct);
        if (result.Outcome == RegistrationOutcome.AlreadyRegistered)
        {
            form.Error("email", "このメールアドレスでは、すでにこのフォーラムに申し込まれています。取り消す場合は、申込時にお送りしたメールのリンクをご利用ください。");
            return await FormAsync(edition, http, db, catalog, clock, form, null, 409, ct);
        }
        await mail.SendReceivedAsync(http.Request, forum, result.Registration!, ct);
        var summary = (await ForumDirectory.SummaryAsync(db, catalog, edition, ct))!;
        return ThemeResults.View("forums/registered", new RegistrationDoneModel(summary, result.Outcome == RegistrationOutcome.Confirmed, request.Email),
            new PageMeta("参加申込を受け付けました", [new("ホーム", "/"), new("フォーラム", "/forums"), new(forum.Title, $"/forums/{edition}"), new("参加申込")]));
    }

    private static async Task<IResult> CancelPage(string token, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var found = await db.Registrations.AsNoTracking().Where(r => r.CancelToken == token)
            .Select(r => new { r.Name, r.Status, Title = db.Set<Forum>().Where(f => f.Id == r.ForumId).Select(f => f.Title).First() }).FirstOrDefaultAsync(ct);
        var model = new CancelModel(found?.Title, found?.Name, found?.Status.Japanese() ?? "", $"/forums/registration/cancel/{token}", Csrf(http),
            found?.Status == RegistrationStatus.Cancelled, found is null);
        return ThemeResults.View("forums/cancel", model, new PageMeta("参加申込の取り消し"), found is null ? 404 : 200);
    }

    private static async Task<IResult> Cancel(string token, HttpContext http, IFormCollection _, NetworkDbContext db, RegistrationBook book, RegistrationMail mail, CancellationToken ct)
    {
        var (cancelled, promoted) = await book.CancelAsync(token, ct);
        if (cancelled is null)
            return ThemeResults.NotFound("取り消す申込が見つかりません。リンクが正しいかご確認ください。");
        var forum = await db.Forums.AsNoTracking().FirstAsync(f => f.Id == cancelled.ForumId, ct);
        foreach (var p in promoted)
            await mail.SendPromotedAsync(http.Request, forum, p, ct);
        return ThemeResults.View("forums/cancel", new CancelModel(forum.Title, cancelled.Name, cancelled.Status.Japanese(), "", new CsrfField("", ""), true, false),
            new PageMeta("参加申込の取り消し"));
    }
}
