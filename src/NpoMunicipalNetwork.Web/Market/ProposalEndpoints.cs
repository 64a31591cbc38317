using NpoMunicipalNetwork.Mail;
using NpoMunicipalNetwork.Organisations;

namespace NpoMunicipalNetwork.Market;

/// <summary>The proposal screens' addresses on the hub (organisations live there).</summary>
public static class ProposalPaths
{
    public const string Mine = "/market/proposals";

    public static string New(int roundId) => $"/market/rounds/{roundId}/propose";

    public static string Of(int id, string? done = null) => $"{Mine}/{id}" + (done is null ? "" : $"?done={done}");
}

public sealed record ProposalRow(int Id, string Title, string RoundTitle, string SiteName, string Status, string Closes, string Url);

public sealed record ProposalListModel(string OrganisationName, IReadOnlyList<ProposalRow> Proposals);

public sealed record ProposalPageModel(FormState Form, string Action, CsrfField Csrf, MarketRoundCard Round, string BudgetHint,
    IReadOnlyList<Option> Issues, string? Status, bool Editable, bool MayWithdraw, string? WithdrawUrl, string? Notice, string? FormError);

/// <summary>
/// An organisation's proposals: drafted, edited, submitted and withdrawn by its people, only while the round's call
/// is open by the server clock (to the second). Only organisation accounts: anonymous visitors go to the organisations'
/// sign-in, staff are refused; another organisation's proposal is a 404.
/// </summary>
public static class ProposalEndpoints
{
    public const string OrganisationsOnly = "提案できるのは、NPO・団体アカウントでログインした方だけです。自治体職員のアカウントでは提案できません。";

    public static RouteGroupBuilder MapProposals(this RouteGroupBuilder market)
    {
        market.MapGet("/proposals", List);
        market.MapGet("/rounds/{roundId:int}/propose", New);
        market.MapPost("/rounds/{roundId:int}/propose", Create);
        market.MapGet("/proposals/{id:int}", Show);
        market.MapPost("/proposals/{id:int}", Save);
        market.MapPost("/proposals/{id:int}/withdraw", Withdraw);
        return market;
    }

    private sealed record Applicant(ApplicationUser User, Organisation Organisation);

    /// <summary>The signed-in organisation account and its organisation, or the answer to give instead.</summary>
    private static async Task<(Applicant? Applicant, IResult? Refusal)> ApplicantAsync(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated != true)
            return (null, OrganisationAccess.ToLogin(http));
        if (await OrganisationAccess.SignedInAsync(http, db, ct) is not { } user)
            return (null, ThemeResults.Forbidden(OrganisationsOnly));
        // Membership is read from the database, not the session: someone removed from the organisation loses its proposals at once.
        var organisation = await db.OrganisationMembers.Where(m => m.UserId == user.Id)
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => o).FirstOrDefaultAsync(ct);
        return organisation is null ? (null, ThemeResults.Forbidden("団体に所属していないため提案できません。団体の管理者から招待を受けてください。"))
            : (new Applicant(user, organisation), null);
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (applicant, refusal) = await ApplicantAsync(http, db, ct);
        if (refusal is not null)
            return refusal;
        var rounds = db.MarketRounds.IgnoreQueryFilters(); // the round is a member site's; the list is on the hub
        var rows = await db.MarketProposals.AsNoTracking().Where(p => p.OrganisationId == applicant!.Organisation.Id)
            .OrderByDescending(p => p.UpdatedUtc).ThenByDescending(p => p.Id)
            .Select(p => new
            {
                Proposal = p,
                Round = rounds.Where(r => r.Id == p.RoundId).Select(r => new { r.Title, r.ClosesUtc }).First(),
                Site = db.Tenants.Where(t => t.Id == p.SiteId).Select(t => t.DisplayName).First(),
            }).ToListAsync(ct);
        var model = new ProposalListModel(applicant!.Organisation.Name, rows.Select(r => new ProposalRow(r.Proposal.Id, r.Proposal.Title, r.Round.Title, r.Site,
            r.Proposal.Status.Japanese(), JapanTime.FormatDateTime(r.Round.ClosesUtc), ProposalPaths.Of(r.Proposal.Id))).ToList());
        return ThemeResults.View("market/proposals", model, new PageMeta("団体の提案", [new("ホーム", "/"), new("パートナーシップ市場", "/market"), new("団体の提案")]));
    }

    private static async Task<IResult> New(int roundId, HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (applicant, refusal) = await ApplicantAsync(http, db, ct);
        if (refusal is not null)
            return refusal;
        if (await PublishedRounds.FindAsync(db, roundId, ct) is not { } round)
            return ThemeResults.NotFound();
        var form = new FormState();
        return Page(http, round, clock, form, null, ProposalPaths.New(roundId), null, 200);
    }

    private static async Task<IResult> Create(int roundId, HttpContext http, IFormCollection input, NetworkDbContext db, TimeProvider clock, MailSender mail, CancellationToken ct)
    {
        var (applicant, refusal) = await ApplicantAsync(http, db, ct);
        if (refusal is not null)
            return refusal;
        if (await PublishedRounds.FindAsync(db, roundId, ct) is not { } round)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        var now = clock.GetUtcNow().UtcDateTime;
        if (Closed(round, now) is { } closed)
            return Page(http, round, clock, form, null, ProposalPaths.New(roundId), closed, 400);
        if (ProposalForm.Read(form, round.Round) is not { } v)
            return Page(http, round, clock, form, null, ProposalPaths.New(roundId), null, 400);
        var p = new MarketProposal
        {
            RoundId = round.Round.Id, SiteId = round.Round.TenantId, OrganisationId = applicant!.Organisation.Id, CreatedByUserId = applicant.User.Id,
            CreatedUtc = now, UpdatedUtc = now,
        };
        ProposalForm.Apply(p, v);
        var submit = form.Text("action") == "submit";
        if (submit)
            Submit(p, now);
        db.MarketProposals.Add(p);
        await db.SaveChangesAsync(ct);
        if (submit)
            await ConfirmAsync(mail, applicant, p, round, ct);
        return Results.Redirect(ProposalPaths.Of(p.Id, submit ? "submitted" : "saved"));
    }

    private static async Task<IResult> Show(int id, string? done, HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (p, round, refusal) = await LoadAsync(http, db, id, ct);
        if (refusal is not null)
            return refusal;
        var notice = done switch
        {
            "saved" => "下書きを保存しました。締切までに「提出する」を押してください。",
            "submitted" => "提案を提出しました。確認のメールを送りました。",
            "withdrawn" => "提案を取り下げました。",
            _ => null,
        };
        return Page(http, round!, clock, ProposalForm.From(p!), p, ProposalPaths.Of(id), null, 200, notice);
    }

    private static async Task<IResult> Save(int id, HttpContext http, IFormCollection input, NetworkDbContext db, TimeProvider clock, MailSender mail, CancellationToken ct)
    {
        var (p, round, refusal) = await LoadAsync(http, db, id, ct);
        if (refusal is not null)
            return refusal;
        var form = FormState.From(input);
        var now = clock.GetUtcNow().UtcDateTime;
        if (Closed(round!, now) is { } closed)
            return Page(http, round!, clock, form, p, ProposalPaths.Of(id), closed, 400);
        if (p!.Status != ProposalStatus.Draft)
            return Page(http, round!, clock, form, p, ProposalPaths.Of(id), "提出済み・取り下げ済みの提案は編集できません。", 400);
        if (form.Text("version") != p.Version.ToString(CultureInfo.InvariantCulture))
            return Page(http, round!, clock, form, p, ProposalPaths.Of(id), "この提案は別の画面で保存されています。ページを開き直してから、もう一度入力してください。", 409);
        if (ProposalForm.Read(form, round!.Round) is not { } v)
            return Page(http, round, clock, form, p, ProposalPaths.Of(id), null, 400);
        ProposalForm.Apply(p, v);
        p.UpdatedUtc = now;
        p.Version++;
        var submit = form.Text("action") == "submit";
        if (submit)
            Submit(p, now);
        await db.SaveChangesAsync(ct);
        if (submit)
        {
            var user = await db.Users.FirstAsync(u => u.Id == http.User.UserId(), ct);
            var organisation = await db.Organisations.FirstAsync(o => o.Id == p.OrganisationId, ct);
            await ConfirmAsync(mail, new Applicant(user, organisation), p, round, ct);
        }
        return Results.Redirect(ProposalPaths.Of(id, submit ? "submitted" : "saved"));
    }

    private static async Task<IResult> Withdraw(int id, HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (p, round, refusal) = await LoadAsync(http, db, id, ct);
        if (refusal is not null)
            return refusal;
        var now = clock.GetUtcNow().UtcDateTime;
        var problem = Closed(round!, now) ?? (p!.Status == ProposalStatus.Withdrawn ? "この提案はすでに取り下げています。" : null);
        if (problem is not null)
            return Page(http, round!, clock, ProposalForm.From(p!), p, ProposalPaths.Of(id), problem, 400);
        p!.Status = ProposalStatus.Withdrawn;
        p.WithdrawnUtc = now;
        p.UpdatedUtc = now;
        p.Version++;
        await db.SaveChangesAsync(ct);
        return Results.Redirect(ProposalPaths.Of(id, "withdrawn"));
    }

    /// <summary>The proposal of the signed-in organisation, with its round; anyone else's is a 404 whether or not it exists.</summary>
    private static async Task<(MarketProposal?, RoundOnSite?, IResult?)> LoadAsync(HttpContext http, NetworkDbContext db, int id, CancellationToken ct)
    {
        var (applicant, refusal) = await ApplicantAsync(http, db, ct);
        if (refusal is not null)
            return (null, null, refusal);
        var p = await db.MarketProposals.FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == applicant!.Organisation.Id, ct);
        var round = p is null ? null : await PublishedRounds.FindAsync(db, p.RoundId, ct);
        return p is null || round is null ? (null, null, ThemeResults.NotFound()) : (p, round, null);
    }

    /// <summary>Why nothing may change now: the call has not opened, or its deadline (to the second) has passed.</summary>
    private static string? Closed(RoundOnSite round, DateTime nowUtc) => CallStatuses.Of(round.Round, nowUtc) switch
    {
        CallStatus.Upcoming => $"この募集の受付は{JapanTime.FormatDateTime(round.Round.OpensUtc)}からです。まだ提案を保存・提出できません。",
        CallStatus.Closed => $"締切（{JapanTime.FormatDateTime(round.Round.ClosesUtc)}）を過ぎたため、提案の保存・提出・取り下げはできません。",
        _ => null,
    };

    private static void Submit(MarketProposal p, DateTime nowUtc)
    {
        p.Status = ProposalStatus.Submitted;
        p.SubmittedUtc = nowUtc;
    }

    private static Task ConfirmAsync(MailSender mail, Applicant applicant, MarketProposal p, RoundOnSite round, CancellationToken ct) =>
        mail.SendAsync(applicant.User.Email!, applicant.User.DisplayName, $"【提案を受け付けました】{p.Title}",
            $"""
            {applicant.Organisation.Name}
            {applicant.User.DisplayName} 様

            {round.SiteDisplayName}の「{round.Round.Title}」への提案を受け付けました。

            提案事業名: {p.Title}
            地域課題: {p.IssueTitle}
            提案額: {p.BudgetYen:N0}円
            提出日時: {JapanTime.FormatDateTime(p.SubmittedUtc!.Value)}
            締切: {JapanTime.FormatDateTime(round.Round.ClosesUtc)}

            締切までは、団体の提案の一覧（{ProposalPaths.Mine}）から取り下げることができます。
            """, ct);

    private static IResult Page(HttpContext http, RoundOnSite round, TimeProvider clock, FormState form, MarketProposal? p, string action, string? error, int status,
        string? notice = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = CallStatuses.Of(round.Round, now) == CallStatus.Open;
        var chosen = form.Text("issue");
        var issues = round.Round.Issues.Select((i, n) => new Option((n + 1).ToString(CultureInfo.InvariantCulture), i.Title, chosen == (n + 1).ToString(CultureInfo.InvariantCulture))).ToList();
        var model = new ProposalPageModel(form, action, CsrfField.ForPublicForm(http), MarketEndpoints.Card(round, now), $"半角数字。1件あたりの上限額は{round.Round.BudgetCeilingYen:N0}円です。",
            [new("", "選んでください", string.IsNullOrEmpty(chosen)), .. issues], p?.Status.Japanese(),
            open && (p is null || p.Status == ProposalStatus.Draft), open && p is not null && p.Status != ProposalStatus.Withdrawn,
            p is null ? null : $"{ProposalPaths.Of(p.Id)}/withdraw", notice, error);
        var title = p is null ? "提案を作成" : p.Title;
        return ThemeResults.View("market/proposal", model, new PageMeta(title,
            [new("ホーム", "/"), new("団体の提案", ProposalPaths.Mine), new(title)]), status);
    }
}
