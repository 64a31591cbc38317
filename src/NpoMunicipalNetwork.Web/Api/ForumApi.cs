using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Api;

public sealed record ForumHostModel(string Code, string Name, string? PlaceNote, string MemberUrl);

public sealed record ForumSummary(int Edition, int FiscalYear, string Title, ApiTerm Status, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<ForumHostModel> Hosts, bool IsSample, string Url);

/// <summary>A public material: a file to download or a link. Member-only materials are never listed.</summary>
public sealed record ForumMaterialModel(int Id, string Title, string Kind, string Url);

public sealed record ForumSpeakerModel(string Name, string? Affiliation, string? Role);

public sealed record ForumSessionModel(int Id, ApiTerm Kind, string Title, DateOnly Date, string StartTime, string EndTime, string? Room, string? Chair,
    string? Description, int? Capacity, IReadOnlyList<ForumSpeakerModel> Speakers, IReadOnlyList<ForumMaterialModel> Materials, IReadOnlyList<int> Cases, bool IsSample);

public sealed record ForumVenue(string? Name, string? Address, string? Access);

public sealed record ForumDetail(int Edition, int FiscalYear, string Title, ApiTerm Status, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<ForumHostModel> Hosts, bool IsSample, string Url,
    string? Summary, ForumVenue Venue, int? Capacity, DateOnly? RegistrationClosesOn, IReadOnlyList<ForumSessionModel> Sessions, IReadOnlyList<ForumMaterialModel> Materials);

/// <summary>
/// <c>/api/v1/forums</c>: every edition of the annual forum, newest edition first, identified by its
/// edition number (第n回) as the public pages are; one edition with its programme and its public materials.
/// </summary>
public static class ForumApi
{
    public static RouteGroupBuilder MapForumApi(this RouteGroupBuilder api)
    {
        api.MapGet("/forums", List)
            .Describe("listForums", "forums", "フォーラムの一覧",
                "NPO活動推進自治体フォーラムの各回を、回の新しい順に返します。",
                ApiExamples.ForumList)
            .Produces<ApiPage<ForumSummary>>().ProducesProblem(400);
        api.MapGet("/forums/{edition:int}", Get)
            .Describe("getForum", "forums", "フォーラムを1回分取得する",
                "回（第n回の n）でフォーラムの会場・プログラム（分科会・登壇者・紹介された事例）と公開資料を返します。会員限定資料は含みません。",
                ApiExamples.ForumDetail)
            .Produces<ForumDetail>().ProducesProblem(404);
        return api;
    }

    public sealed class ForumListParameters
    {
        [System.ComponentModel.Description("1ページの件数（1〜100、既定 20）")] public string? limit { get; init; }
        [System.ComponentModel.Description("前のレスポンスの next")] public string? cursor { get; init; }
    }

    private static async Task<IResult> List([AsParameters] ForumListParameters parameters, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var request = http.Request;
        var list = new ApiListRequest(request, []);
        long after = 0;
        if (list.Paging("forums", key => ApiPaging.TryRead(key, 0, out after)) is not { } paging)
            return list.Problem();
        var forums = db.Forums.AsNoTracking();
        if (paging.After is not null)
            forums = forums.Where(f => f.Edition < after);
        var rows = await forums.OrderByDescending(f => f.Edition).Take(paging.Limit + 1).Include(f => f.Hosts).ToListAsync(ct);
        var names = await HostNamesAsync(db, rows, ct);
        return paging.Send(request, "forums", rows, f => Summary(request, f, names), f => [f.Edition]);
    }

    private static async Task<Dictionary<string, string>> HostNamesAsync(NetworkDbContext db, IEnumerable<Forum> forums, CancellationToken ct)
    {
        var codes = forums.SelectMany(f => f.Hosts).Select(h => h.GovernmentCode).Distinct().ToList();
        return await db.Governments.AsNoTracking().Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, ct);
    }

    private static ForumSummary Summary(HttpRequest request, Forum f, Dictionary<string, string> names) =>
        new(f.Edition, f.FiscalYear, f.Title, new ApiTerm(f.Status.Code(), f.Status.Japanese()), f.StartsOn, f.EndsOn,
            f.Hosts.OrderBy(h => h.GovernmentCode).Select(h => new ForumHostModel(h.GovernmentCode, names.GetValueOrDefault(h.GovernmentCode, h.GovernmentCode), h.PlaceNote,
                ApiLinks.Absolute(request, $"/api/v1/members/{h.GovernmentCode}"))).ToList(),
            f.IsSample, ApiLinks.Absolute(request, $"/forums/{f.Edition}"));

    private static async Task<IResult> Get([System.ComponentModel.Description("回（第n回の n）")] int edition, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var request = http.Request;
        var f = await db.Forums.AsNoTracking().Include(x => x.Hosts).FirstOrDefaultAsync(x => x.Edition == edition, ct);
        if (f is null)
            return ApiProblems.NotFound($"第{edition}回のフォーラムはありません。");
        var s = Summary(request, f, await HostNamesAsync(db, [f], ct));
        var sessions = await db.ForumSessions.AsNoTracking().Include(x => x.Speakers).ThenInclude(x => x.Speaker)
            .Where(x => x.ForumId == f.Id).OrderBy(x => x.Date).ThenBy(x => x.StartTime).ThenBy(x => x.Id).AsSplitQuery().ToListAsync(ct);
        // Public materials only: a member-only one is not even named here.
        var materials = await db.ForumMaterials.AsNoTracking().Where(m => m.ForumId == f.Id && !m.IsMemberOnly)
            .OrderBy(m => m.Order).ThenBy(m => m.Id).Select(m => new { m.Id, m.Title, m.SessionId, IsFile = m.FileId != null, m.Url }).ToListAsync(ct);
        var sessionIds = sessions.Select(x => x.Id).ToList();
        var cases = await (from x in db.ForumSessionCases
                           join c in Cases.PublishedCases.All(db) on x.CaseId equals c.Id
                           where sessionIds.Contains(x.SessionId)
                           orderby x.Order
                           select new { x.SessionId, c.Id }).ToListAsync(ct);
        // A file downloads from the hub; a link is given as the address it points to.
        ForumMaterialModel Material(int id, string title, bool isFile, string? url) =>
            new(id, title, isFile ? "file" : "link", isFile || url is null ? ApiLinks.Absolute(request, $"/forums/materials/{id}") : url);
        return ApiJson.Ok(new ForumDetail(s.Edition, s.FiscalYear, s.Title, s.Status, s.StartsOn, s.EndsOn, s.Hosts, s.IsSample, s.Url,
            f.Summary, new ForumVenue(f.VenueName, f.VenueAddress, f.VenueAccess), f.Capacity, f.RegistrationClosesOn,
            sessions.Select(x => new ForumSessionModel(x.Id, new ApiTerm(x.Kind.Code(), x.Kind.Japanese()), x.Title, x.Date,
                x.StartTime.ToString("HH:mm"), x.EndTime.ToString("HH:mm"), x.Room, x.Chair, x.Description, x.Capacity,
                x.Speakers.OrderBy(p => p.Order).Select(p => new ForumSpeakerModel(p.Speaker!.Name, p.Speaker.Affiliation, p.Role)).ToList(),
                materials.Where(m => m.SessionId == x.Id).Select(m => Material(m.Id, m.Title, m.IsFile, m.Url)).ToList(),
                cases.Where(c => c.SessionId == x.Id).Select(c => c.Id).ToList(), x.IsSample)).ToList(),
            materials.Where(m => m.SessionId is null).Select(m => Material(m.Id, m.Title, m.IsFile, m.Url)).ToList()));
    }
}
