using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Calendar = Ical.Net.Calendar;

namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// iCalendar feeds (Ical.Net): <c>/forums/{edition}.ics</c> for one forum and <c>/forums.ics</c> for the
/// series. Each session is an event in Asia/Tokyo time with the zone's VTIMEZONE; a forum known only by
/// its dates is an all-day event; a forum without dates has nothing to put in a calendar.
/// </summary>
public static class ForumCalendarEndpoints
{
    public const string TimeZone = "Asia/Tokyo";

    public static RouteGroupBuilder MapForumCalendars(this RouteGroupBuilder forums)
    {
        // "/forums.ics" is a sibling of the group's prefix, so it is mapped on the group's parent path.
        forums.MapGet("/{edition:int}.ics", One);
        return forums;
    }

    public static IEndpointRouteBuilder MapSeriesCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forums.ics", Series).AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<Tenants.TenantContext>().Tenant.IsHub ? await next(context) : ThemeResults.NotFound());
        return app;
    }

    private static async Task<IResult> One(int edition, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var forums = await db.Forums.AsNoTracking().Where(f => f.Edition == edition).ToListAsync(ct);
        if (forums.Count == 0)
            return ThemeResults.NotFound();
        return await CalendarAsync(http, db, forums, $"forum-{edition}.ics", ct);
    }

    private static async Task<IResult> Series(HttpContext http, NetworkDbContext db, CancellationToken ct) =>
        await CalendarAsync(http, db, await db.Forums.AsNoTracking().OrderBy(f => f.Edition).ToListAsync(ct), "forums.ics", ct);

    private static async Task<IResult> CalendarAsync(HttpContext http, NetworkDbContext db, List<Forum> forums, string fileName, CancellationToken ct)
    {
        var ids = forums.Select(f => f.Id).ToList();
        var sessions = await db.ForumSessions.AsNoTracking().Where(s => ids.Contains(s.ForumId)).OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToListAsync(ct);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var host = http.Request.Host.Host;
        var calendar = Build(forums, sessions, baseUrl, host);
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", fileName);
    }

    public static Calendar Build(IReadOnlyList<Forum> forums, IReadOnlyList<ForumSession> sessions, string baseUrl, string host)
    {
        var calendar = new Calendar { ProductId = "-//NPO Municipal Network//Forums//JA" };
        // Japan has kept +09:00 without summer time since 1951: one STANDARD block from 2000 describes every forum.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone, new DateTime(2000, 1, 1), includeHistoricalData: false));
        calendar.AddProperty("X-WR-CALNAME", "NPO活動推進自治体フォーラム");
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        foreach (var forum in forums)
        {
            var url = new Uri($"{baseUrl}/forums/{forum.Edition}");
            var stamp = new CalDateTime(DateTime.SpecifyKind(forum.UpdatedUtc, DateTimeKind.Utc), "UTC", true);
            var own = sessions.Where(s => s.ForumId == forum.Id).ToList();
            foreach (var s in own)
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"forum-{forum.Edition}-session-{s.Id}@{host}",
                    Summary = $"{forum.Title} {s.Kind.Japanese()}「{s.Title}」",
                    Description = s.Description,
                    Location = s.Room is null ? forum.VenueName : $"{forum.VenueName} {s.Room}".Trim(),
                    DtStart = new CalDateTime(s.Date, s.StartTime, TimeZone),
                    DtEnd = new CalDateTime(s.Date, s.EndTime, TimeZone),
                    DtStamp = stamp,
                    Url = url,
                });
            if (own.Count == 0 && forum.StartsOn is { } start)
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"forum-{forum.Edition}@{host}",
                    Summary = forum.Title,
                    Description = forum.Summary,
                    Location = forum.VenueName,
                    // All-day: DTEND is the day after the last day (RFC 5545).
                    DtStart = new CalDateTime(start),
                    DtEnd = new CalDateTime((forum.EndsOn ?? start).AddDays(1)),
                    DtStamp = stamp,
                    Url = url,
                });
        }
        return calendar;
    }
}
