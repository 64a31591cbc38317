using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Recipes;

namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// Creates or updates forum editions by edition number:
/// <c>{ "name": "Forums", "forums": [ { "edition": 1, "fiscalYear": 2004, "title": "…", "hosts": [ { "code": "120006", "place": "千葉市幕張" } ],
/// "status": "held", "summary", "venueName", "venueAddress", "venueAccess", "startsOn", "endsOn", "capacity", "registrationClosesOn",
/// "sample", "sessions": [ { "kind": "plenary|breakout|networking", "title", "date", "start": "13:00", "end", "room", "chair",
/// "description", "capacity", "sample", "speakers": [ { "name", "affiliation", "role" } ] } ] } ] }</c>.
/// Fields left out stay empty: the archive records only what a source says. A forum's sessions are
/// replaced when <c>sessions</c> is given, unless someone has registered for them.
/// </summary>
public sealed class ForumsStep : IRecipeStep
{
    public string Name => "Forums";

    private sealed record SpeakerItem(string Name, string? Affiliation, string? Role);

    private sealed record SessionItem(SessionKind Kind, string Title, DateOnly Date, TimeOnly Start, TimeOnly End, string? Room, string? Chair,
        string? Description, int? Capacity, bool IsSample, IReadOnlyList<SpeakerItem> Speakers);

    private sealed record Item(string Field, int Edition, int FiscalYear, string Title, IReadOnlyList<(string Code, string? Place)> Hosts, ForumStatus Status,
        string? Summary, string? VenueName, string? VenueAddress, string? VenueAccess, DateOnly? StartsOn, DateOnly? EndsOn, int? Capacity,
        DateOnly? ClosesOn, bool IsSample, IReadOnlyList<SessionItem>? Sessions);

    public Func<RecipeExecutionContext, Task> Prepare(StepReader step)
    {
        step.AllowOnly("name", "forums");
        var items = new List<Item>();
        var editions = new HashSet<int>();
        foreach (var f in step.Objects("forums", required: true))
        {
            f.AllowOnly("edition", "fiscalYear", "title", "hosts", "status", "summary", "venueName", "venueAddress", "venueAccess",
                "startsOn", "endsOn", "capacity", "registrationClosesOn", "sample", "sessions");
            var edition = f.Int("edition", 1, 1000);
            if (edition is null && !f.Has("edition"))
                f.Error("edition", "必須の項目です。");
            var year = f.Int("fiscalYear", 1990, 2200);
            if (year is null && !f.Has("fiscalYear"))
                f.Error("fiscalYear", "必須の項目です。");
            var title = f.String("title", required: true, maxLength: 200);
            var hosts = new List<(string, string?)>();
            foreach (var h in f.Objects("hosts"))
            {
                h.AllowOnly("code", "place");
                var code = h.String("code", required: true, check: LocalGovernmentCode.Validate);
                var place = h.String("place", maxLength: 100);
                if (code is not null)
                    hosts.Add((code, place));
            }
            var status = f.Enum<ForumStatus>("status", ForumStatus.Planned)!.Value;
            var startsOn = f.Date("startsOn");
            var endsOn = f.Date("endsOn");
            if (startsOn is not null && endsOn is not null && endsOn < startsOn)
                f.Error("endsOn", "終了日は開始日以降にしてください。");
            var sessions = f.Has("sessions") ? f.Objects("sessions").Select(ReadSession).OfType<SessionItem>().ToList() : null;
            if (edition is { } e && !editions.Add(e))
                f.Error("edition", $"第{e}回が同じステップに2回あります。");
            var item = new Item(f.PathOf(""), edition ?? 0, year ?? 0, title ?? "", hosts, status,
                f.String("summary", maxLength: 4000), f.String("venueName", maxLength: 200), f.String("venueAddress", maxLength: 400),
                f.String("venueAccess", maxLength: 1000), startsOn, endsOn, f.Int("capacity", 1, 100_000), f.Date("registrationClosesOn"),
                f.Bool("sample"), sessions);
            if (edition is not null && year is not null && title is not null)
                items.Add(item);
        }
        return ctx => ApplyAsync(items, ctx);
    }

    private static SessionItem? ReadSession(StepReader s)
    {
        s.AllowOnly("kind", "title", "date", "start", "end", "room", "chair", "description", "capacity", "sample", "speakers");
        var kind = s.Enum<SessionKind>("kind", SessionKind.Plenary)!.Value;
        var title = s.String("title", required: true, maxLength: 200);
        var date = s.Date("date", required: true);
        var start = Time(s, "start");
        var end = Time(s, "end");
        if (start is not null && end is not null && end <= start)
            s.Error("end", "終了時刻は開始時刻より後にしてください。");
        var speakers = s.Objects("speakers").Select(p =>
        {
            p.AllowOnly("name", "affiliation", "role");
            var name = p.String("name", required: true, maxLength: 100);
            return name is null ? null : new SpeakerItem(name, p.String("affiliation", maxLength: 200), p.String("role", maxLength: 100));
        }).OfType<SpeakerItem>().ToList();
        var item = new SessionItem(kind, title ?? "", date ?? default, start ?? default, end ?? default, s.String("room", maxLength: 100),
            s.String("chair", maxLength: 200), s.String("description", maxLength: 4000), s.Int("capacity", 1, 100_000), s.Bool("sample"), speakers);
        return title is null || date is null || start is null || end is null ? null : item;
    }

    private static TimeOnly? Time(StepReader s, string field)
    {
        var text = s.String(field, required: true);
        if (text is null)
            return null;
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            return t;
        s.Error(field, $"時刻「{text}」は HH:mm の形式で指定してください。");
        return null;
    }

    private static async Task ApplyAsync(List<Item> items, RecipeExecutionContext ctx)
    {
        var db = ctx.Db;
        var ct = ctx.CancellationToken;
        foreach (var item in items)
        {
            foreach (var (code, _) in item.Hosts)
                if (!await db.Governments.AnyAsync(g => g.Code == code, ct))
                    throw new RecipeStepException(item.Field + "hosts", $"地方公共団体コード「{code}」は団体名簿にありません。先に Members ステップで名簿を読み込んでください。");

            var forum = await db.Forums.Include(f => f.Hosts).FirstOrDefaultAsync(f => f.Edition == item.Edition, ct);
            if (forum is null)
            {
                forum = new Forum { Edition = item.Edition, Title = item.Title, CreatedUtc = ctx.UtcNow };
                db.Forums.Add(forum);
            }
            forum.FiscalYear = item.FiscalYear;
            forum.Title = item.Title;
            forum.Status = item.Status;
            forum.Summary = item.Summary;
            forum.VenueName = item.VenueName;
            forum.VenueAddress = item.VenueAddress;
            forum.VenueAccess = item.VenueAccess;
            forum.StartsOn = item.StartsOn;
            forum.EndsOn = item.EndsOn;
            forum.Capacity = item.Capacity;
            forum.RegistrationClosesOn = item.ClosesOn;
            forum.IsSample = item.IsSample;
            forum.UpdatedUtc = ctx.UtcNow;
            forum.Hosts.Clear();
            forum.Hosts.AddRange(item.Hosts.Select(h => new ForumHost { GovernmentCode = h.Code, PlaceNote = h.Place }));
            await db.SaveChangesAsync(ct);

            if (item.Sessions is not null)
                await ReplaceSessionsAsync(ctx, forum, item);
        }
    }

    private static async Task ReplaceSessionsAsync(RecipeExecutionContext ctx, Forum forum, Item item)
    {
        var db = ctx.Db;
        var ct = ctx.CancellationToken;
        if (await db.RegistrationSessions.AnyAsync(r => db.Set<ForumSession>().Any(s => s.Id == r.SessionId && s.ForumId == forum.Id), ct))
            throw new RecipeStepException(item.Field + "sessions", $"第{item.Edition}回のセッションには参加申込があるため、レシピでは置き換えられません。");
        db.ForumSessions.RemoveRange(await db.ForumSessions.Where(s => s.ForumId == forum.Id).ToListAsync(ct));
        foreach (var s in item.Sessions!)
        {
            var session = new ForumSession
            {
                ForumId = forum.Id, Kind = s.Kind, Title = s.Title, Date = s.Date, StartTime = s.Start, EndTime = s.End, Room = s.Room,
                Chair = s.Chair, Description = s.Description, Capacity = s.Capacity, IsSample = s.IsSample,
            };
            var order = 0;
            foreach (var p in s.Speakers)
            {
                // One person, one page: a speaker is matched by name and affiliation across forums.
                var speaker = await db.Speakers.FirstOrDefaultAsync(x => x.Name == p.Name && x.Affiliation == p.Affiliation, ct)
                    ?? db.Speakers.Local.FirstOrDefault(x => x.Name == p.Name && x.Affiliation == p.Affiliation)
                    ?? db.Speakers.Add(new Speaker { Name = p.Name, Affiliation = p.Affiliation, IsSample = s.IsSample }).Entity;
                session.Speakers.Add(new ForumSessionSpeaker { Speaker = speaker, Role = p.Role, Order = order++ });
            }
            db.ForumSessions.Add(session);
        }
        await db.SaveChangesAsync(ct);
    }
}
