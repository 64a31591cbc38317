using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Forums;

/// <summary>Forums made through the real recipe step, with registration open and a programme, for the forum tests.</summary>
public static class ForumTestData
{
    public static readonly Dictionary<string, string?> Settings = new() { ["Forums:RegistrationsPerMinutePerIp"] = "100000" };

    /// <summary>Creates edition <paramref name="edition"/> (FY2030, 山形県) with two sessions; returns its id.</summary>
    public static async Task<int> CreateOpenForumAsync(this TestApp app, int edition, int? capacity, int? sessionCapacity = null, string status = "registrationOpen",
        string closes = "2099-03-31")
    {
        var cap = capacity is null ? "" : $"\"capacity\": {capacity},";
        var sessionCap = sessionCapacity is null ? "" : $"\"capacity\": {sessionCapacity},";
        await app.ApplyRecipeAsync($$"""
            { "name": "forum-test", "steps": [ { "name": "Forums", "forums": [ {
                "edition": {{edition}}, "fiscalYear": 2030, "title": "テスト第{{edition}}回フォーラム", "status": "{{status}}", {{cap}}
                "registrationClosesOn": "{{closes}}", "startsOn": "2030-10-01", "endsOn": "2030-10-02",
                "venueName": "テスト会館", "venueAddress": "山形県山形市松波二丁目8-1", "hosts": [ { "code": "060003" } ],
                "sessions": [
                  { "kind": "plenary", "title": "全体会テスト", "date": "2030-10-01", "start": "13:00", "end": "15:30", "room": "大ホール",
                    "speakers": [ { "name": "試験 一郎", "affiliation": "テスト市", "role": "基調講演" } ] },
                  { "kind": "breakout", "title": "分科会テスト", "date": "2030-10-02", "start": "09:30", "end": "11:00", {{sessionCap}}
                    "speakers": [ { "name": "試験 一郎", "affiliation": "テスト市", "role": "パネリスト" } ] }
                ] } ] } ] }
            """);
        return await app.InTenantAsync(null, db => db.Forums.Where(f => f.Edition == edition).Select(f => f.Id).SingleAsync());
    }

    public static Task<int> SessionIdAsync(this TestApp app, int forumId, string title) =>
        app.InTenantAsync(null, db => db.ForumSessions.Where(s => s.ForumId == forumId && s.Title == title).Select(s => s.Id).SingleAsync());

    public static Task<List<Registration>> RegistrationsAsync(this TestApp app, int forumId) =>
        app.InTenantAsync(null, db => db.Registrations.AsNoTracking().Include(r => r.Sessions).Where(r => r.ForumId == forumId).OrderBy(r => r.Sequence).ToListAsync());

    public static IEnumerable<(string, string)> Fields(string name, string email, string kind = "Government", params string[] sessions) =>
        new[] { ("name", name), ("organization", "テスト市"), ("kind", kind), ("email", email), ("accessibility", "") }
            .Concat(sessions.Select(s => ("sessions", s)));

    /// <summary>Registers like a browser: GET the form, POST it back with its antiforgery token.</summary>
    public static Task<HttpResponseMessage> RegisterAsync(this TestApp app, int edition, IEnumerable<(string Key, string Value)> fields) =>
        app.Browser().SubmitAsync($"/forums/{edition}/register", $"/forums/{edition}/register",
            fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
