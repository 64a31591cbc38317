
namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// The report (報告書) and the minutes of each session: the newest version on <c>/forums/{edition}/report</c>,
/// every version on <c>/forums/{edition}/report/history</c> (<c>?session=</c> for minutes, <c>?version=</c> to read one).
/// </summary>
public static class ForumReportEndpoints
{
    public static async Task<IResult> Report(int edition, NetworkDbContext db, TenantCatalog catalog, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Edition == edition, ct);
        if (forum is null)
            return ThemeResults.NotFound();
        var versions = await db.ForumReportVersions.AsNoTracking().Where(r => r.ForumId == forum.Id).ToListAsync(ct);
        if (versions.Count == 0)
            return ThemeResults.NotFound("このフォーラムの報告書はまだ掲載されていません。");
        var sessions = await db.ForumSessions.AsNoTracking().Where(s => s.ForumId == forum.Id)
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToListAsync(ct);
        ReportSection? Latest(int? sessionId, string title) => versions.Where(v => v.SessionId == sessionId).MaxBy(v => v.Number) is { } v
            ? Section(edition, title, v) : null;
        var minutes = sessions.Select(s => Latest(s.Id, $"{s.Kind.Japanese()}「{s.Title}」の記録")).OfType<ReportSection>().ToList();
        var summary = (await ForumDirectory.SummaryAsync(db, catalog, edition, ct))!;
        return ThemeResults.View("forums/report", new ReportModel(summary, Latest(null, "報告書"), minutes, $"/forums/{edition}"),
            new PageMeta($"報告書（{forum.Title}）", [new("ホーム", "/"), new("フォーラム", "/forums"), new(forum.Title, $"/forums/{edition}"), new("報告書")]));
    }

    private static ReportSection Section(int edition, string title, ForumReportVersion v) =>
        new(title, v.SessionId, v.Number, v.CreatedUtc, v.CreatedByName, v.BodyHtml,
            $"/forums/{edition}/report/history" + (v.SessionId is { } s ? $"?session={s}" : ""));

    public static async Task<IResult> History(int edition, int? session, int? version, NetworkDbContext db, TenantCatalog catalog, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Edition == edition, ct);
        if (forum is null)
            return ThemeResults.NotFound();
        var title = "報告書";
        if (session is not null)
        {
            var s = await db.ForumSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == session && x.ForumId == forum.Id, ct);
            if (s is null)
                return ThemeResults.NotFound();
            title = $"{s.Kind.Japanese()}「{s.Title}」の記録";
        }
        var versions = await db.ForumReportVersions.AsNoTracking().Where(r => r.ForumId == forum.Id && r.SessionId == session)
            .OrderByDescending(r => r.Number).ToListAsync(ct);
        if (versions.Count == 0)
            return ThemeResults.NotFound("この記録はまだ掲載されていません。");
        var shown = version is null ? versions[0] : versions.FirstOrDefault(v => v.Number == version);
        if (shown is null)
            return ThemeResults.NotFound("指定の版はありません。");
        var baseUrl = $"/forums/{edition}/report/history?" + (session is null ? "" : $"session={session}&");
        var links = versions.Select(v => new ReportVersionLink(v.Number, v.CreatedUtc, v.CreatedByName, v.Note, $"{baseUrl}version={v.Number}", v.Id == shown.Id)).ToList();
        var summary = (await ForumDirectory.SummaryAsync(db, catalog, edition, ct))!;
        return ThemeResults.View("forums/report-history", new ReportHistoryModel(summary, title, links, Section(edition, title, shown), $"/forums/{edition}/report"),
            new PageMeta($"{title}の版の履歴（{forum.Title}）",
                [new("ホーム", "/"), new("フォーラム", "/forums"), new(forum.Title, $"/forums/{edition}"), new("報告書", $"/forums/{edition}/report"), new("版の履歴")]));
    }
}
