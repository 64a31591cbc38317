
namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// The public forum archive on the hub: editions by fiscal year, a forum's page with its programme,
/// a timetable per day, speakers, materials and the report. Registration, calendars and material
/// downloads are in their own files.
/// </summary>
public static class ForumPublicEndpoints
{
    private static readonly Breadcrumb Home = new("ホーム", "/");
    private static readonly Breadcrumb Archive = new("フォーラム", "/forums");

    public static IEndpointRouteBuilder MapForums(this IEndpointRouteBuilder app)
    {
        var hub = app.MapGroup("/forums").HubOnly();
        hub.MapGet("/", Index);
        hub.MapGet("/{edition:int}", Detail);
        hub.MapGet("/{edition:int}/timetable/{day}", Timetable);
        hub.MapGet("/speakers/{id:int}", SpeakerPage);
        hub.MapGet("/{edition:int}/report", ForumReportEndpoints.Report);
        hub.MapGet("/{edition:int}/report/history", ForumReportEndpoints.History);
        hub.MapForumMaterials();
        hub.MapForumCalendars();
        hub.MapRegistration();
        // Member-only materials are also served on members' own sites, where their staff are signed in.
        app.MapGet("/forums/materials/{id:int}", ForumMaterialEndpoints.Open);
        return app;
    }

    private static async Task<IResult> Index(NetworkDbContext db, TenantCatalog catalog, CancellationToken ct)
    {
        var all = await ForumDirectory.AllAsync(db, catalog, ct);
        var years = all.GroupBy(f => f.FiscalYear).OrderByDescending(g => g.Key).Select(g => new FiscalYearGroup(g.Key, g.OrderBy(f => f.Edition).ToList())).ToList();
        return ThemeResults.View("forums/index", new ForumIndexModel(years, "/forums.ics"),
            new PageMeta("NPO活動推進自治体フォーラム", [Home, new Breadcrumb("フォーラム")],
                "毎年、会員の自治体が開催するNPO活動推進自治体フォーラムの記録です。開催年度ごとに、開催地・プログラム・資料・報告書を掲載します。"));
    }

    internal static async Task<List<SessionModel>> SessionsAsync(NetworkDbContext db, int forumId, int edition, CancellationToken ct)
    {
        var sessions = await db.ForumSessions.AsNoTracking().Include(s => s.Speakers).ThenInclude(x => x.Speaker)
            .Where(s => s.ForumId == forumId).OrderBy(s => s.Date).ThenBy(s => s.StartTime).ThenBy(s => s.Id).ToListAsync(ct);
        var materials = await MaterialsAsync(db, forumId, ct);
        var cases = await CasesAsync(db, sessions.Select(s => s.Id).ToList(), ct);
        var minutes = await db.ForumReportVersions.Where(r => r.ForumId == forumId && r.SessionId != null).Select(r => r.SessionId!.Value).Distinct().ToListAsync(ct);
        return sessions.Select(s => new SessionModel(s.Id, s.Kind.Japanese(), s.Title, s.Date, s.StartTime.ToString("HH:mm"), s.EndTime.ToString("HH:mm"),
            s.Room, s.Chair, s.Description, s.Capacity, s.IsSample,
            s.Speakers.OrderBy(x => x.Order).Select(x => new SpeakerLink(x.SpeakerId, x.Speaker!.Name, x.Speaker.Affiliation, x.Role, $"/forums/speakers/{x.SpeakerId}")).ToList(),
            materials.Where(m => m.SessionId == s.Id).Select(m => m.Model).ToList(),
            minutes.Contains(s.Id) ? $"/forums/{edition}/report#session-{s.Id}" : null,
            cases.Where(c => c.SessionId == s.Id).Select(c => c.Link).ToList())).ToList();
    }

    /// <summary>Cases presented in the sessions that are still published; each links to its page on its member's site.</summary>
    private static async Task<List<(int SessionId, CaseLink Link)>> CasesAsync(NetworkDbContext db, List<int> sessionIds, CancellationToken ct)
    {
        var rows = await (from x in db.ForumSessionCases
                          join c in Cases.PublishedCases.All(db) on x.CaseId equals c.Id
                          join t in db.Tenants on c.TenantId equals t.Id
                          where sessionIds.Contains(x.SessionId)
                          orderby x.Order
                          select new { x.SessionId, c.Id, c.Title, t.Name, t.DisplayName }).ToListAsync(ct);
        return rows.Select(r => (r.SessionId, new CaseLink(r.Id, r.Title, r.DisplayName, $"/{r.Name}/cases/{r.Id}"))).ToList();
    }

    internal static async Task<List<(int? SessionId, MaterialModel Model)>> MaterialsAsync(NetworkDbContext db, int forumId, CancellationToken ct)
    {
        var rows = await db.ForumMaterials.AsNoTracking().Where(m => m.ForumId == forumId).OrderBy(m => m.Order).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.IsMemberOnly, m.SessionId, SessionTitle = db.Set<ForumSession>().Where(s => s.Id == m.SessionId).Select(s => s.Title).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(m => (m.SessionId, new MaterialModel(m.Id, m.Title, m.IsMemberOnly, $"/forums/materials/{m.Id}", m.SessionTitle))).ToList();
    }

    internal static IReadOnlyList<DayLink> Days(int edition, IEnumerable<SessionModel> sessions, DateOnly? current) =>
        sessions.Select(s => s.Date).Distinct().Order().Select(d => new DayLink(d, $"/forums/{edition}/timetable/{d:yyyy-MM-dd}", d == current)).ToList();

    private static async Task<IResult> Detail(int edition, HttpContext http, NetworkDbContext db, TenantCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Edition == edition, ct);
        if (forum is null)
            return ThemeResults.NotFound();
        var summary = (await ForumDirectory.SummaryAsync(db, catalog, edition, ct))!;
        var sessions = await SessionsAsync(db, forum.Id, edition, ct);
        var materials = (await MaterialsAsync(db, forum.Id, ct)).Where(m => m.SessionId is null).Select(m => m.Model).ToList();
        var hasReport = await db.ForumReportVersions.AnyAsync(r => r.ForumId == forum.Id, ct);
        var hostNames = summary.Hosts.Select(h => h.Name).ToList();
        var model = new ForumDetailModel(summary, forum.Summary, forum.VenueName, forum.VenueAddress, forum.VenueAccess, forum.Capacity, forum.RegistrationClosesOn,
            RegistrationEndpoints.IsOpen(forum, clock), $"/forums/{edition}/register", Days(edition, sessions, null), sessions, materials, hasReport,
            $"/forums/{edition}/report", $"/forums/{edition}/materials", $"/forums/{edition}/materials.zip", $"/forums/{edition}.ics",
            ForumJsonLd.For(forum, hostNames, sessions, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}"));
        return ThemeResults.View("forums/show", model,
            new PageMeta(forum.Title, [Home, Archive, new Breadcrumb(forum.Title)], forum.Summary ?? $"{forum.Title}（{Infrastructure.JapaneseEra.FormatFiscalYear(forum.FiscalYear)}）"));
    }

    private static async Task<IResult> Timetable(int edition, string day, NetworkDbContext db, TenantCatalog catalog, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Edition == edition, ct);
        if (forum is null || !DateOnly.TryParseExact(day, "yyyy-MM-dd", out var date))
            return ThemeResults.NotFound();
        var sessions = await SessionsAsync(db, forum.Id, edition, ct);
        var ofDay = sessions.Where(s => s.Date == date).ToList();
        if (ofDay.Count == 0)
            return ThemeResults.NotFound("この日のプログラムはありません。");
        var summary = (await ForumDirectory.SummaryAsync(db, catalog, edition, ct))!;
        var title = $"{Infrastructure.JapaneseEra.FormatDate(date)}のプログラム";
        return ThemeResults.View("forums/timetable", new TimetableModel(summary, date, Days(edition, sessions, date), ofDay, $"/forums/{edition}"),
            new PageMeta($"{title}（{forum.Title}）", [Home, Archive, new Breadcrumb(forum.Title, $"/forums/{edition}"), new Breadcrumb(title)]));
    }

    private static async Task<IResult> SpeakerPage(int id, NetworkDbContext db, CancellationToken ct)
    {
        var speaker = await db.Speakers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (speaker is null)
            return ThemeResults.NotFound();
        var rows = await (from x in db.ForumSessionSpeakers
                          join s in db.ForumSessions on x.SessionId equals s.Id
                          join f in db.Forums on s.ForumId equals f.Id
                          where x.SpeakerId == id
                          orderby f.FiscalYear descending, s.Date, s.StartTime
                          select new { f.Title, f.FiscalYear, f.Edition, Session = s.Title, s.Kind, s.Date, x.Role, s.IsSample }).ToListAsync(ct);
        var model = new SpeakerModel(speaker.Name, speaker.Affiliation, speaker.IsSample,
            rows.Select(r => new SpeakerAppearance(r.Title, r.FiscalYear, $"/forums/{r.Edition}", r.Session, r.Kind.Japanese(), r.Date, r.Role, r.IsSample)).ToList());
        return ThemeResults.View("forums/speaker", model, new PageMeta(speaker.Name, [Home, Archive, new Breadcrumb(speaker.Name)]));
    }
}
