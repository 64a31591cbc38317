using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Forums;

/// <summary>The secretariat creates forums and assigns organisers; an organiser runs only their own forums, from their own site.</summary>
public abstract class ForumAdminTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task The_secretariat_creates_a_forum_and_bad_input_stores_nothing()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var secretariat = await app.SignedInAsync("secretariat@example.jp");

        var bad = await secretariat.SubmitAsync("/admin/forums/new", "/admin/forums",
            ("edition", "1"), ("fiscalYear", "20x"), ("title", ""), ("hosts", "123456"), ("status", "RegistrationOpen"), ("endsOn", "2030-01-01"), ("startsOn", "2030-02-01"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var summary = (await bad.DocumentAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("第1回はすでに登録されています", summary);
        Assert.Contains("開催年度（西暦）は", summary);
        Assert.Contains("名称を入力してください", summary);
        Assert.Contains("開催団体", summary);
        Assert.Contains("申込締切日を入力してください", summary);
        Assert.Contains("開催日（最終日）は初日以降", summary);
        Assert.Equal(6, await app.InTenantAsync(null, db => db.Forums.CountAsync()));

        var ok = await secretariat.SubmitAsync("/admin/forums/new", "/admin/forums",
            ("edition", "7"), ("fiscalYear", "2030"), ("title", "第7回フォーラム"), ("hosts", "060003"), ("status", "Planned"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var forum = await app.InTenantAsync(null, db => db.Forums.Include(f => f.Hosts).SingleAsync(f => f.Edition == 7));
        Assert.Equal("060003", forum.Hosts.Single().GovernmentCode);
        Assert.True(await app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.TargetType == AuditTargetTypes.Forum && a.Summary.Contains("第7回フォーラム"))));
    }

    [Fact]
    public async Task An_organiser_of_forum_X_runs_X_from_their_own_site_and_never_sees_Y()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var x = await app.CreateOpenForumAsync(7, capacity: 10);
        var y = await app.CreateOpenForumAsync(8, capacity: 10);
        await app.RegisterAsync(7, ForumTestData.Fields("エックス参加者", "x@example.jp"));
        await app.RegisterAsync(8, ForumTestData.Fields("ワイ参加者", "y-secret@example.jp"));
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var organiserId = await app.CreateUserAsync("yamagata", "organiser@yamagata.example.jp", [Roles.MemberEditor]);
        var secretariat = await app.SignedInAsync("secretariat@example.jp");

        // Assigned by e-mail; the role comes with it.
        var unknown = await secretariat.SubmitAsync($"/admin/forums/{x}/organizers", $"/admin/forums/{x}/organizers", ("email", "nobody@example.jp"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("どのサイトにも登録されていません", (await unknown.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        var assign = await secretariat.SubmitAsync($"/admin/forums/{x}/organizers", $"/admin/forums/{x}/organizers", ("email", "Organiser@yamagata.example.jp"));
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        Assert.True(await app.InTenantAsync(null, db => db.ForumOrganizers.AnyAsync(a => a.ForumId == x && a.UserId == organiserId)));

        var organiser = await app.SignedInAsync("organiser@yamagata.example.jp", "/yamagata");
        var list = await organiser.GetAsync("/yamagata/admin/forums");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listText = (await list.DocumentAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains("テスト第7回フォーラム", listText);
        Assert.DoesNotContain("テスト第8回フォーラム", listText);

        var registrations = await organiser.GetAsync($"/yamagata/admin/forums/{x}/registrations");
        Assert.Equal(HttpStatusCode.OK, registrations.StatusCode);
        Assert.Contains("x@example.jp", await registrations.Content.ReadAsStringAsync());
        var csv = await organiser.GetAsync($"/yamagata/admin/forums/{x}/registrations.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("受付番号,状態,氏名", text);
        Assert.Contains("エックス参加者", text);

        foreach (var url in new[] { $"/yamagata/admin/forums/{y}/registrations", $"/yamagata/admin/forums/{y}/registrations.csv", $"/yamagata/admin/forums/{y}/edit",
                     $"/yamagata/admin/forums/{y}/sessions", $"/yamagata/admin/forums/{y}/materials", $"/yamagata/admin/forums/{y}/report" })
        {
            var response = await organiser.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("y-secret@example.jp", await response.Content.ReadAsStringAsync());
        }
        // Nor may they write to Y, or assign organisers, or create forums.
        var write = await organiser.SubmitAsync($"/yamagata/admin/forums/{x}/materials", $"/yamagata/admin/forums/{y}/materials",
            ("title", "乗っ取り"), ("url", "https://example.jp/x.pdf"), ("scope", "public"));
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.False(await app.InTenantAsync(null, db => db.ForumMaterials.AnyAsync(m => m.Title == "乗っ取り")));
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.GetAsync($"/yamagata/admin/forums/{x}/organizers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.GetAsync("/yamagata/admin/forums/new")).StatusCode);
    }

    [Fact]
    public async Task An_organiser_edits_the_programme_materials_and_report_and_the_public_sees_them_with_history()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var x = await app.CreateOpenForumAsync(7, capacity: 10);
        var organiserId = await app.CreateUserAsync("hub", "organiser@example.jp", [Roles.ForumOrganizer]);
        await app.InTenantAsync(null, async db =>
        {
            db.ForumOrganizers.Add(new NpoMunicipalNetwork.Forums.ForumOrganizerAssignment { ForumId = x, UserId = organiserId, AssignedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var organiser = await app.SignedInAsync("organiser@example.jp");
        var admin = $"/admin/forums/{x}";

        var badSession = await organiser.SubmitAsync($"{admin}/sessions/new", $"{admin}/sessions",
            ("kind", "Networking"), ("title", "交流会"), ("date", "2030-10-01"), ("start", "18:00"), ("end", "17:00"), ("speakers", "a|b|c|d"));
        Assert.Equal(HttpStatusCode.BadRequest, badSession.StatusCode);
        var errors = (await badSession.DocumentAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("終了時刻は開始時刻より後", errors);
        Assert.Contains("登壇者の1行目は「氏名｜所属｜役割」", errors);
        Assert.Equal(2, await app.InTenantAsync(null, db => db.ForumSessions.CountAsync(s => s.ForumId == x)));

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync($"{admin}/sessions/new", $"{admin}/sessions",
            ("kind", "Networking"), ("title", "交流会テスト"), ("date", "2030-10-01"), ("start", "18:00"), ("end", "19:30"), ("room", "レストラン"),
            ("speakers", "試験 一郎｜テスト市｜乾杯\n新人 二郎｜山形県"))).StatusCode);
        var (_, speaker) = await app.GetPageAsync($"/forums/speakers/{await app.InTenantAsync(null, db => db.Speakers.Where(s => s.Name == "試験 一郎").Select(s => s.Id).SingleAsync())}");
        Assert.Equal(3, speaker.QuerySelectorAll("table tbody tr").Length); // the same person, three sessions

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync($"{admin}/report", $"{admin}/report", ("target", ""), ("body", "# 報告\n\n第1版の本文"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync($"{admin}/report", $"{admin}/report", ("target", ""), ("body", "第2版の本文"), ("note", "誤字を修正"))).StatusCode);
        var (_, report) = await app.GetPageAsync("/forums/7/report");
        Assert.Contains("第2版の本文", report.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("第1版の本文", report.QuerySelector("main")!.TextContent);
        var (_, v1) = await app.GetPageAsync("/forums/7/report/history?version=1");
        Assert.Contains("第1版の本文", v1.QuerySelector("main")!.TextContent);
        Assert.Equal(2, v1.QuerySelectorAll("table tbody tr").Length);

        var badMaterial = await organiser.SubmitAsync($"{admin}/materials", $"{admin}/materials", ("title", "資料"), ("url", "javascript:alert(1)"), ("scope", "everyone"));
        Assert.Equal(HttpStatusCode.BadRequest, badMaterial.StatusCode);
        Assert.Contains("https:// で始まるアドレス", (await badMaterial.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.False(await app.InTenantAsync(null, db => db.ForumMaterials.AnyAsync()));
    }
}

public sealed class ForumAdminTests_Sqlite() : ForumAdminTests(DatabaseProvider.Sqlite);

public sealed class ForumAdminTests_PostgreSql() : ForumAdminTests(DatabaseProvider.PostgreSql);
