using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Market;

public sealed record MarketRoundCard(int Id, string Title, string Path, string SiteName, string? Prefecture, string FiscalYear,
    DateTime OpensUtc, DateTime ClosesUtc, string Opens, string Closes, string Status, string StatusCode, int IssueCount);

public sealed record MarketListModel(bool IsHub, IReadOnlyList<MarketRoundCard> Rounds, IReadOnlyList<Option> Prefectures, IReadOnlyList<Option> Statuses, bool Filtered);

public sealed record MarketRoundView(MarketRoundCard Card, MarketRound Round, IReadOnlyList<MarketIssue> Issues, IReadOnlyList<MarketCriterion> Criteria,
    int TotalWeight, string Ceiling, bool IsOpen, string ProposeUrl);

/// <summary>
/// The public market: on the hub the network view of every member's published rounds (filtered by prefecture and
/// status), on a member site its own rounds; the call's status is computed from the server clock.
/// </summary>
public static class MarketEndpoints
{
    public static IEndpointRouteBuilder MapMarket(this IEndpointRouteBuilder app)
    {
        app.MapGet("/market", List);
        app.MapGet("/market/{id:int}", Show);
        return app;
    }

    private static readonly CallStatus[] AllStatuses = [CallStatus.Upcoming, CallStatus.Open, CallStatus.Closed];

    /// <summary>An unknown filter value is a 400 with a Japanese message, not an empty list.</summary>
    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken ct)
    {
        var prefecture = Filter(http, "prefecture");
        var statusCode = Filter(http, "status");
        var errors = new List<string>();
        if (prefecture is not null && Prefectures.All.All(p => p.Code != prefecture))
            errors.Add($"都道府県「{prefecture}」はありません。一覧から選んでください。");
        CallStatus? status = AllStatuses.Where(s => s.Code() == statusCode).Select(s => (CallStatus?)s).FirstOrDefault();
        if (statusCode is not null && status is null)
            errors.Add($"受付状況「{statusCode}」はありません。受付前・受付中・締切済から選んでください。");
        if (errors.Count > 0)
            return ThemeResults.BadRequest(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        // A member runs a few rounds a year, so the network's fit in memory; filtering here keeps status on the one clock.
        var rounds = await PublishedRounds.WithSitesAsync(PublishedRounds.Visible(db, tenant), db, ct);
        var cards = rounds.Where(r => prefecture is null || r.PrefectureCode == prefecture).Select(r => Card(r, now))
            .Where(c => status is null || c.StatusCode == status.Value.Code())
            .OrderBy(c => c.StatusCode == "closed").ThenBy(c => c.ClosesUtc).ThenBy(c => c.Id).ToList();
        var model = new MarketListModel(tenant.Tenant.IsHub, cards,
            [new("", "すべて", prefecture is null), .. Prefectures.All.Select(p => new Option(p.Code, p.Name, p.Code == prefecture))],
            [new("", "すべて", status is null), .. AllStatuses.Select(s => new Option(s.Code(), s.Japanese(), s == status))],
            prefecture is not null || status is not null);
        var title = tenant.Tenant.IsHub ? "パートナーシップ市場（協働事業提案の募集）" : "協働事業提案の募集";
        return ThemeResults.View("market/list", model, new PageMeta(title, [new Breadcrumb("ホーム", "/"), new Breadcrumb(title)],
            tenant.Tenant.IsHub ? "会員自治体の協働事業提案制度の募集回と地域課題の一覧" : $"{tenant.Tenant.DisplayName}の協働事業提案の募集"));
    }

    private static async Task<IResult> Show(int id, NetworkDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken ct)
    {
        var found = (await PublishedRounds.WithSitesAsync(PublishedRounds.Visible(db, tenant).Where(r => r.Id == id), db, ct)).SingleOrDefault();
        if (found is null)
            return ThemeResults.NotFound();
        var card = Card(found, clock.GetUtcNow().UtcDateTime);
        var r = found.Round;
        var model = new MarketRoundView(card, r, r.Issues, r.Criteria, r.Criteria.Sum(c => c.Weight), $"{r.BudgetCeilingYen:N0}円",
            card.StatusCode == CallStatus.Open.Code(), ProposalPaths.New(r.Id));
        return ThemeResults.View("market/show", model, new PageMeta(r.Title,
            [new Breadcrumb("ホーム", "/"), new Breadcrumb("協働事業提案の募集", "/market"), new Breadcrumb(r.Title)],
            $"{found.SiteDisplayName}の協働事業提案の募集（{JapaneseEra.FormatFiscalYear(r.FiscalYear)}実施）"));
    }

    public static MarketRoundCard Card(RoundOnSite r, DateTime nowUtc)
    {
        var status = CallStatuses.Of(r.Round, nowUtc);
        return new(r.Round.Id, r.Round.Title, r.Path, r.SiteDisplayName,
            int.TryParse(r.PrefectureCode, out var p) ? Prefectures.Name(p) : null, JapaneseEra.FormatFiscalYear(r.Round.FiscalYear),
            r.Round.OpensUtc, r.Round.ClosesUtc, JapanTime.FormatDateTime(r.Round.OpensUtc), JapanTime.FormatDateTime(r.Round.ClosesUtc),
            status.Japanese(), status.Code(), r.Round.Issues.Count);
    }

    private static string? Filter(HttpContext http, string key) =>
        string.IsNullOrWhiteSpace(http.Request.Query[key]) ? null : http.Request.Query[key].ToString().Trim();
}
