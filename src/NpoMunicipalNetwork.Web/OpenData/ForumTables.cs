using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Members;
using T = NpoMunicipalNetwork.OpenData.OpenDataTypes;

namespace NpoMunicipalNetwork.OpenData;

/// <summary>
/// The forum archive as <c>/forums</c> shows it: editions, their programme with speakers and the
/// published cases presented, and the list of public materials. Member-only materials are left out
/// entirely (not even their titles), and registrations are personal data and never leave the admin area.
/// </summary>
public static class ForumTables
{
    private sealed record SessionRow(ForumSession Session, int Edition, IReadOnlyList<int> CaseIds);

    private sealed record MaterialRow(ForumMaterial Material, int Edition, string? SessionTitle);

    public static async Task<IReadOnlyList<OpenDataTable>> BuildAsync(NetworkDbContext db, string baseUrl, CancellationToken ct)
    {
        var forums = await db.Forums.AsNoTracking().Include(f => f.Hosts).OrderBy(f => f.Edition).ToListAsync(ct);
        var editions = forums.ToDictionary(f => f.Id, f => f.Edition);
        var codes = forums.SelectMany(f => f.Hosts).Select(h => h.GovernmentCode).Distinct().ToList();
        var names = await db.Governments.AsNoTracking().Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, ct);

        var sessions = await db.ForumSessions.AsNoTracking().Include(s => s.Speakers).ThenInclude(x => x.Speaker)
            .OrderBy(s => s.ForumId).ThenBy(s => s.Date).ThenBy(s => s.StartTime).ThenBy(s => s.Id).ToListAsync(ct);
        // Only cases that are public now, as the forum page links them.
        var presented = await (from x in db.ForumSessionCases
                               join c in PublishedCases.All(db) on x.CaseId equals c.Id
                               orderby x.Order
                               select new { x.SessionId, x.CaseId }).ToListAsync(ct);
        var materials = await db.ForumMaterials.AsNoTracking().Include(m => m.File).Where(m => !m.IsMemberOnly)
            .OrderBy(m => m.ForumId).ThenBy(m => m.Order).ThenBy(m => m.Id).ToListAsync(ct);
        var sessionTitles = sessions.ToDictionary(s => s.Id, s => s.Title);

        return
        [
            OpenDataTable.Of<Forum>("forums", "NPO活動推進自治体フォーラム",
                "毎年度、会員団体が開催するフォーラムの各回です。資料に記載のない項目は空欄です。", Forums(baseUrl, names), forums),
            OpenDataTable.Of<SessionRow>("forum-sessions", "フォーラムのプログラム",
                "各回の全体会・分科会・交流会と登壇者、発表された政策事例（公開中のもの）です。", Sessions(),
                sessions.Where(s => editions.ContainsKey(s.ForumId)).Select(s => new SessionRow(s, editions[s.ForumId],
                    presented.Where(p => p.SessionId == s.Id).Select(p => p.CaseId).ToList()))),
            OpenDataTable.Of<MaterialRow>("forum-materials", "フォーラムの公開資料",
                "どなたでも見られる資料の一覧です（会員限定の資料は含みません）。ファイルそのものは URL から取得できます。", Materials(baseUrl),
                materials.Where(m => editions.ContainsKey(m.ForumId))
                    .Select(m => new MaterialRow(m, editions[m.ForumId], m.SessionId is { } sid ? sessionTitles.GetValueOrDefault(sid) : null))),
        ];
    }

    private static IReadOnlyList<OpenDataField<Forum>> Forums(string baseUrl, IReadOnlyDictionary<string, string> names) =>
    [
        new("edition", "回", "第何回のフォーラムか。", T.Integer, f => f.Edition),
        new("fiscalYear", "開催年度", "開催した年度（4月〜翌3月）を西暦で。", T.Integer, f => f.FiscalYear),
        new("title", "名称", "フォーラムの名称。", T.Text, f => f.Title),
        new("status", "状態", "開催予定・参加申込受付中・申込受付終了・開催済み・アーカイブ。", T.Text, f => f.Status.Japanese()),
        new("hostCodes", "開催団体コード", "開催団体の団体コード。", T.CodeList, f => f.Hosts.OrderBy(h => h.GovernmentCode).Select(h => h.GovernmentCode).ToList()),
        new("hosts", "開催団体", "開催団体の名称（開催地の注記があれば括弧内に）。", T.LineList,
            f => f.Hosts.OrderBy(h => h.GovernmentCode).Select(h => names.GetValueOrDefault(h.GovernmentCode, h.GovernmentCode) + (h.PlaceNote is { } p ? $"（{p}）" : "")).ToList()),
        new("startsOn", "開催日（初日）", "開催の初日。", T.Date, f => f.StartsOn),
        new("endsOn", "開催日（最終日）", "開催の最終日。", T.Date, f => f.EndsOn),
        new("venueName", "会場", "会場の名称。", T.Text, f => f.VenueName),
        new("venueAddress", "会場の所在地", "会場の住所。", T.Text, f => f.VenueAddress),
        new("summary", "概要", "フォーラムの概要。", T.MultilineText, f => f.Summary),
        new("capacity", "定員", "フォーラム全体の定員。空欄は定めなし。", T.Integer, f => f.Capacity),
        new("registrationClosesOn", "申込締切日", "参加申込の締切日（日本時間）。", T.Date, f => f.RegistrationClosesOn),
        new("url", "URL", "このサイトのフォーラムのページ。", T.Url, f => $"{baseUrl}/forums/{f.Edition}"),
        new("isSample", "見本", "見本として作った内容を含むなら true。", T.Boolean, f => f.IsSample),
    ];

    private static IReadOnlyList<OpenDataField<SessionRow>> Sessions() =>
    [
        new("id", "ID", "プログラムの番号。資料の sessionId が指します。", T.Integer, r => r.Session.Id),
        new("edition", "回", "どの回のフォーラムのプログラムか（forums の edition）。", T.Integer, r => r.Edition),
        new("kind", "区分", "全体会・分科会・交流会。", T.Text, r => r.Session.Kind.Japanese()),
        new("title", "題名", "プログラムの題名。", T.Text, r => r.Session.Title),
        new("date", "日付", "行う日。", T.Date, r => r.Session.Date),
        new("start", "開始時刻", "始まる時刻。", T.Time, r => r.Session.StartTime),
        new("end", "終了時刻", "終わる時刻。", T.Time, r => r.Session.EndTime),
        new("room", "会場（部屋）", "行う部屋。", T.Text, r => r.Session.Room),
        new("chair", "司会・コーディネーター", "進行役。", T.Text, r => r.Session.Chair),
        new("description", "内容", "プログラムの説明。", T.MultilineText, r => r.Session.Description),
        new("speakers", "登壇者", "登壇者を1行に1人、「氏名|所属|役割」の形で（JSON は name, affiliation, role の配列）。", T.LineList,
            r => new SpeakerList(r.Session.Speakers.OrderBy(x => x.Order).Select(x => new SpeakerItem(x.Speaker!.Name, x.Speaker.Affiliation, x.Role)).ToList())),
        new("cases", "発表された事例", "このプログラムで発表された、公開中の政策事例の ID（cases の id）。", T.IdList, r => r.CaseIds),
        new("isSample", "見本", "見本として作ったプログラムなら true。", T.Boolean, r => r.Session.IsSample),
    ];

    private static IReadOnlyList<OpenDataField<MaterialRow>> Materials(string baseUrl) =>
    [
        new("id", "ID", "資料の番号。", T.Integer, r => r.Material.Id),
        new("edition", "回", "どの回のフォーラムの資料か（forums の edition）。", T.Integer, r => r.Edition),
        new("sessionId", "プログラムID", "プログラムの資料なら、その ID（forum-sessions の id）。フォーラム全体の資料は空欄。", T.Integer, r => r.Material.SessionId),
        new("sessionTitle", "プログラム", "プログラムの題名。", T.Text, r => r.SessionTitle),
        new("title", "資料名", "資料の名前。", T.Text, r => r.Material.Title),
        new("kind", "形式", "file（このサイトに置いたファイル）または link（ほかのサイトへのリンク）。", T.Code, r => r.Material.FileId is null ? "link" : "file"),
        new("fileName", "ファイル名", "ファイルの場合、その名前。", T.Text, r => r.Material.File?.FileName),
        new("contentType", "ファイルの種類", "ファイルの場合、その MIME タイプ。", T.Text, r => r.Material.File?.ContentType),
        new("bytes", "大きさ（バイト）", "ファイルの場合、その大きさ。", T.Integer, r => r.Material.File?.Length),
        new("url", "URL", "資料を開く URL（リンクの場合は転送されます）。", T.Url, r => $"{baseUrl}/forums/materials/{r.Material.Id}"),
    ];

    /// <summary>Speakers as one cell per line in CSV and as objects in JSON.</summary>
    private sealed record SpeakerItem(string Name, string? Affiliation, string? Role);

    private sealed class SpeakerList(IReadOnlyList<SpeakerItem> items) : List<SpeakerItem>(items)
    {
        public override string ToString() => string.Join("\n", this.Select(s => $"{s.Name}|{s.Affiliation}|{s.Role}"));
    }
}
