using CsvHelper;
using CsvHelper.Configuration;

namespace NpoMunicipalNetwork.Forums;

public sealed record RegistrationRow(int Sequence, string Name, string? Organization, string Kind, string Email, string Status, string Sessions, string? Needs, DateTime CreatedUtc);

public sealed record RegistrationsModel(string ForumTitle, int? Capacity, int Confirmed, int Waitlisted, int Cancelled, IReadOnlyList<RegistrationRow> Rows, string CsvUrl, string BackUrl);

/// <summary>
/// The registrations of one forum (personal data): only that forum's organisers and the secretariat
/// see them (<see cref="ForumAccess"/>); a CSV export (UTF-8 with BOM, for Excel) is recorded in the audit log.
/// </summary>
public static class RegistrationAdminEndpoints
{
    public static RouteGroupBuilder MapRegistrationAdmin(this RouteGroupBuilder forums)
    {
        forums.MapGet("/{id:int}/registrations", List);
        forums.MapGet("/{id:int}/registrations.csv", Csv);
        return forums;
    }

    private static async Task<List<RegistrationRow>> RowsAsync(NetworkDbContext db, int forumId, CancellationToken ct)
    {
        var titles = await db.ForumSessions.Where(s => s.ForumId == forumId).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var list = await db.Registrations.AsNoTracking().Include(r => r.Sessions).Where(r => r.ForumId == forumId)
            .OrderBy(r => r.Status).ThenBy(r => r.Sequence).ToListAsync(ct);
        return list.OrderBy(r => r.Status switch { RegistrationStatus.Confirmed => 0, RegistrationStatus.Waitlisted => 1, _ => 2 }).ThenBy(r => r.Sequence)
            .Select(r => new RegistrationRow(r.Sequence, r.Name, r.Organization, r.Kind.Japanese(), r.Email, r.Status.Japanese(),
                string.Join("、", r.Sessions.Select(s => titles.GetValueOrDefault(s.SessionId, "?"))), r.AccessibilityNeeds, r.CreatedUtc)).ToList();
    }

    private static async Task<IResult> List(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        if (f is null)
            return ThemeResults.NotFound();
        http.Response.Headers.CacheControl = "no-store";
        var rows = await RowsAsync(db, id, ct);
        int Count(RegistrationStatus s) => rows.Count(r => r.Status == s.Japanese());
        return ThemeResults.Admin("admin/forums/registrations",
            new RegistrationsModel(f.Title, f.Capacity, Count(RegistrationStatus.Confirmed), Count(RegistrationStatus.Waitlisted), Count(RegistrationStatus.Cancelled), rows,
                ForumAccess.AdminUrl(http, id, "/registrations.csv"), ForumAccess.AdminUrl(http, id, "/edit")),
            new PageMeta($"参加申込（{f.Title}）", ForumAdminEndpoints.Section.Trail(new(f.Title, ForumAccess.AdminUrl(http, id, "/edit")), new("参加申込"))));
    }

    private static async Task<IResult> Csv(int id, HttpContext http, NetworkDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        if (f is null)
            return ThemeResults.NotFound();
        var rows = await RowsAsync(db, id, ct);
        await audit.RecordNowAsync(AuditAction.Update, AuditTarget.Forum(f), $"フォーラム「{f.Title}」の参加者名簿（{rows.Count}件）をCSVで出力しました。");
        http.Response.Headers.CacheControl = "no-store";
        var stamp = JapanTime.ToJst(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        using var buffer = new MemoryStream();
        // Excel opens UTF-8 as Shift_JIS unless the file starts with the byte-order mark.
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var header in new[] { "受付番号", "状態", "氏名", "所属", "種類", "メールアドレス", "参加セッション", "配慮が必要な事項", "申込日時（JST）" })
                csv.WriteField(header);
            await csv.NextRecordAsync();
            foreach (var r in rows)
            {
                csv.WriteField(r.Sequence);
                csv.WriteField(r.Status);
                csv.WriteField(r.Name);
                csv.WriteField(r.Organization ?? "");
                csv.WriteField(r.Kind);
                csv.WriteField(r.Email);
                csv.WriteField(r.Sessions);
                csv.WriteField(r.Needs ?? "");
                csv.WriteField(JapanTime.ToJst(r.CreatedUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                await csv.NextRecordAsync();
            }
        }
        return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"forum-{f.Edition}-registrations-{stamp}.csv");
    }
}
