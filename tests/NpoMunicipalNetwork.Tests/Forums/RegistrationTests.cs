using System.Net;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Forums;

/// <summary>Registration over HTTP: places never overbooked under parallel requests, the waitlist in order, cancelling by mailed link, and refusals.</summary>
public abstract class RegistrationTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Parallel_registrations_never_overbook_and_the_waitlist_keeps_arrival_order()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        // Two instances on one database, as behind a load balancer: only the database lock can keep them apart.
        await using var other = app.StartAnotherOnSameDatabase();
        var forumId = await app.CreateOpenForumAsync(7, capacity: 5);

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            (i % 2 == 0 ? app : other).RegisterAsync(7, ForumTestData.Fields($"参加者{i}", $"p{i}@example.jp"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var all = await app.RegistrationsAsync(forumId);
        Assert.Equal(24, all.Count);
        Assert.Equal(5, all.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(19, all.Count(r => r.Status == RegistrationStatus.Waitlisted));
        // Whoever came first (lowest sequence) got a place; sequences are unique.
        Assert.Equal(24, all.Select(r => r.Sequence).Distinct().Count());
        Assert.True(all.Where(r => r.Status == RegistrationStatus.Confirmed).Max(r => r.Sequence) < all.Where(r => r.Status == RegistrationStatus.Waitlisted).Min(r => r.Sequence));
        Assert.Equal(24, app.Mails().Count);
    }

    [Fact]
    public async Task Cancelling_by_the_mailed_link_promotes_the_earliest_waitlisted_and_mails_them()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var forumId = await app.CreateOpenForumAsync(7, capacity: 2);
        foreach (var i in Enumerable.Range(0, 5))
            Assert.Equal(HttpStatusCode.OK, (await app.RegisterAsync(7, ForumTestData.Fields($"参加者{i}", $"p{i}@example.jp"))).StatusCode);

        var first = app.Mails().Single(m => m.To.ToString().Contains("p0@example.jp"));
        Assert.Contains("参加確定", first.Subject);
        var waiting = app.Mails().Single(m => m.To.ToString().Contains("p2@example.jp"));
        Assert.Contains("キャンセル待ち", waiting.Subject);

        // The link works without signing in: a fresh browser.
        var link = AccountHelpers.LinkIn(first);
        var browser = app.Browser();
        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cancel = await browser.SubmitAsync(link, link);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Contains("取り消されています", (await cancel.DocumentAsync()).QuerySelector("main")!.TextContent);

        var all = await app.RegistrationsAsync(forumId);
        Assert.Equal(RegistrationStatus.Cancelled, all.Single(r => r.Email == "p0@example.jp").Status);
        Assert.Equal(RegistrationStatus.Confirmed, all.Single(r => r.Email == "p2@example.jp").Status); // the earliest waiting
        Assert.Equal(RegistrationStatus.Waitlisted, all.Single(r => r.Email == "p3@example.jp").Status);
        Assert.Equal(2, all.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Contains(app.Mails(), m => m.To.ToString().Contains("p2@example.jp") && m.Subject?.Contains("参加確定になりました") == true);

        // Cancelling a waitlisted place frees nothing; nobody else moves.
        var p4 = AccountHelpers.LinkIn(app.Mails().Single(m => m.To.ToString().Contains("p4@example.jp")));
        await browser.SubmitAsync(p4, p4);
        all = await app.RegistrationsAsync(forumId);
        Assert.Equal(RegistrationStatus.Waitlisted, all.Single(r => r.Email == "p3@example.jp").Status);
    }

    [Fact]
    public async Task Parallel_cancellations_promote_in_order_without_overbooking()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var forumId = await app.CreateOpenForumAsync(7, capacity: 4);
        foreach (var i in Enumerable.Range(0, 10))
            await app.RegisterAsync(7, ForumTestData.Fields($"参加者{i}", $"p{i}@example.jp"));
        var tokens = (await app.RegistrationsAsync(forumId)).Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.CancelToken).ToList();
        var links = tokens.Take(3).Select(t => $"/forums/registration/cancel/{t}").ToList();

        await using var other = app.StartAnotherOnSameDatabase();
        await Task.WhenAll(links.Select((l, i) => (i % 2 == 0 ? app : other).Browser().SubmitAsync(l, l)));

        var all = await app.RegistrationsAsync(forumId);
        Assert.Equal(4, all.Count(r => r.Status == RegistrationStatus.Confirmed));
        // p4, p5, p6 were next in line.
        Assert.Equal(["p3@example.jp", "p4@example.jp", "p5@example.jp", "p6@example.jp"],
            all.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.Email).Order().ToArray());
    }

    [Fact]
    public async Task A_full_session_waitlists_even_when_the_forum_has_room()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var forumId = await app.CreateOpenForumAsync(7, capacity: 10, sessionCapacity: 1);
        var breakout = (await app.SessionIdAsync(forumId, "分科会テスト")).ToString();
        await app.RegisterAsync(7, ForumTestData.Fields("一人目", "a@example.jp", "Npo", breakout));
        await app.RegisterAsync(7, ForumTestData.Fields("二人目", "b@example.jp", "Npo", breakout));
        await app.RegisterAsync(7, ForumTestData.Fields("三人目", "c@example.jp", "Other"));
        var all = await app.RegistrationsAsync(forumId);
        Assert.Equal(RegistrationStatus.Confirmed, all.Single(r => r.Email == "a@example.jp").Status);
        Assert.Equal(RegistrationStatus.Waitlisted, all.Single(r => r.Email == "b@example.jp").Status);
        Assert.Equal(RegistrationStatus.Confirmed, all.Single(r => r.Email == "c@example.jp").Status);
        Assert.Equal([int.Parse(breakout)], all.Single(r => r.Email == "a@example.jp").Sessions.Select(s => s.SessionId));
    }

    [Fact]
    public async Task A_second_registration_with_the_same_address_is_refused_in_Japanese()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var forumId = await app.CreateOpenForumAsync(7, capacity: 10);
        Assert.Equal(HttpStatusCode.OK, (await app.RegisterAsync(7, ForumTestData.Fields("本人", "Same@Example.jp"))).StatusCode);

        var again = await app.RegisterAsync(7, ForumTestData.Fields("別名", "  same@example.JP "));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var doc = await again.DocumentAsync();
        Assert.Contains("すでにこのフォーラムに申し込まれています", doc.QuerySelector(".error-summary")!.TextContent);
        Assert.Single(await app.RegistrationsAsync(forumId));

        // Parallel duplicates: still one row.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.RegisterAsync(7, ForumTestData.Fields("重複", "dup@example.jp"))));
        Assert.Single((await app.RegistrationsAsync(forumId)).Where(r => r.NormalizedEmail == "dup@example.jp"));
    }

    [Fact]
    public async Task Bad_input_gets_Japanese_messages_per_field_and_stores_nothing()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var forumId = await app.CreateOpenForumAsync(7, capacity: 10);
        var response = await app.RegisterAsync(7, [("name", ""), ("kind", "99"), ("email", "not-an-address"), ("sessions", "999999"), ("accessibility", new string('あ', 1001))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.DocumentAsync();
        var summary = doc.QuerySelector(".error-summary")!;
        Assert.Contains("お名前を入力してください", summary.TextContent);
        Assert.Contains("所属の種類", summary.TextContent);
        Assert.Contains("メールアドレス", summary.TextContent);
        Assert.Contains("参加するセッション", summary.TextContent);
        Assert.Contains("配慮が必要な事項は1000文字以内", summary.TextContent);
        Assert.NotNull(summary.QuerySelector("a[href='#field-email']"));
        Assert.Equal("true", doc.QuerySelector("#field-email")!.GetAttribute("aria-invalid"));
        Assert.Equal("not-an-address", doc.QuerySelector("#field-email")!.GetAttribute("value"));
        Assert.Empty(await app.RegistrationsAsync(forumId));
        Assert.Empty(app.Mails());
    }

    [Fact]
    public async Task A_closed_or_past_deadline_forum_takes_no_registration()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var closedId = await app.CreateOpenForumAsync(7, capacity: 10, status: "registrationClosed");
        var pastId = await app.CreateOpenForumAsync(8, capacity: 10, closes: "2020-01-01");
        await app.CreateOpenForumAsync(9, capacity: 10);

        // The closed forms show no form; a token from an open forum's form lets the post reach the check.
        var form = await app.Browser().GetAsync("/forums/7/register");
        Assert.Null((await form.DocumentAsync()).QuerySelector("form[method=post]"));
        Task<HttpResponseMessage> Post(int edition) => app.Browser().SubmitAsync("/forums/9/register", $"/forums/{edition}/register",
            ForumTestData.Fields("本人", "a@example.jp").Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        var closed = await Post(7);
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Contains("受け付けていません", (await closed.DocumentAsync()).QuerySelector("main")!.TextContent);
        var past = await Post(8);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("締め切りました", (await past.DocumentAsync()).QuerySelector("main")!.TextContent);
        Assert.Empty(await app.RegistrationsAsync(closedId));
        Assert.Empty(await app.RegistrationsAsync(pastId));
    }

    [Fact]
    public async Task Someone_who_cancelled_may_apply_again_and_takes_a_new_place_in_the_queue()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var forumId = await app.CreateOpenForumAsync(7, capacity: 1);
        var plenary = (await app.SessionIdAsync(forumId, "全体会テスト")).ToString();
        var breakout = (await app.SessionIdAsync(forumId, "分科会テスト")).ToString();
        await app.RegisterAsync(7, ForumTestData.Fields("本人", "me@example.jp", "Npo", plenary, breakout));
        await app.RegisterAsync(7, ForumTestData.Fields("次の人", "next@example.jp"));
        var link = AccountHelpers.LinkIn(app.Mails().Single(m => m.To.ToString().Contains("me@example.jp")));
        await app.Browser().SubmitAsync(link, link);

        var again = await app.RegisterAsync(7, ForumTestData.Fields("本人", "me@example.jp", "Npo", breakout));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var all = await app.RegistrationsAsync(forumId);
        Assert.Equal(2, all.Count);
        var me = all.Single(r => r.Email == "me@example.jp");
        Assert.Equal(RegistrationStatus.Waitlisted, me.Status); // the place went to the next in line
        Assert.Equal([int.Parse(breakout)], me.Sessions.Select(s => s.SessionId));
        Assert.Equal(RegistrationStatus.Confirmed, all.Single(r => r.Email == "next@example.jp").Status);
        Assert.DoesNotContain(link.Split('/').Last(), me.CancelToken); // the old link no longer works
    }

    [Fact]
    public async Task An_unknown_cancel_token_is_a_Japanese_404()
    {
        await using var app = await StartAsync(settings: ForumTestData.Settings);
        var response = await app.Browser().GetAsync("/forums/registration/cancel/no-such-token");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("取り消す申込が見つかりません", (await response.DocumentAsync()).QuerySelector("main")!.TextContent);
    }
}

public sealed class RegistrationTests_Sqlite() : RegistrationTests(DatabaseProvider.Sqlite);

public sealed class RegistrationTests_PostgreSql() : RegistrationTests(DatabaseProvider.PostgreSql);
