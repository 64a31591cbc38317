using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;
using static NpoMunicipalNetwork.Tests.Boards.BoardWorld;

namespace NpoMunicipalNetwork.Tests.Boards;

/// <summary>Watches: a mail per reply with a one-click unsubscribe that works without login, and the daily digest.</summary>
public abstract class BoardNotificationTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task A_topic_author_is_mailed_about_replies_and_unsubscribes_with_one_click_without_login()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var slug = w.Categories[BoardVisibility.Public].Slug;
        var created = await w.Clients[MemberA].SubmitAsync($"/boards/{slug}", $"/boards/{slug}/topics", ("title", "ボランティア保険の扱い"), ("body", "各市の扱いを教えてください。"));
        var topic = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Empty(app.Mails()); // nobody else watches yet; authors are not mailed about their own posts

        await w.ReplyAsync(GroupMember, topic, "当市では社会福祉協議会の保険を案内しています。");
        var mail = Assert.Single(app.Mails());
        Assert.Equal("staff@a.example.jp", mail.To.Mailboxes.Single().Address);
        Assert.Contains("ボランティア保険の扱い", mail.Subject);
        Assert.Contains("社会福祉協議会", mail.TextBody);
        var unsubscribe = mail.TextBody.Split('\n').Select(l => l.Trim()).Last(l => l.Contains("/boards/unsubscribe?token="));
        Assert.Equal($"<{unsubscribe}>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

        // A stranger's browser with no cookies: the page asks, the button stops the mail.
        var stranger = app.Browser();
        var path = new Uri(unsubscribe).PathAndQuery;
        var page = await (await stranger.GetAsync(path)).DocumentAsync();
        Assert.Contains("ボランティア保険の扱い", page.QuerySelector("main")!.TextContent);
        Assert.Equal(1, await app.InTenantAsync(null, db => db.Watches.CountAsync(x => x.UserId == w.MemberAId)));
        var done = await stranger.PostAsync(page.QuerySelector("main form")!.GetAttribute("action"), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("停止しました", await done.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.InTenantAsync(null, db => db.Watches.CountAsync(x => x.UserId == w.MemberAId)));

        await w.ReplyAsync(GroupMember, topic, "追記です。");
        Assert.Single(app.Mails());

        // A forged or damaged token changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.PostAsync("/boards/unsubscribe?token=AAAA" + path[^6..], new FormUrlEncodedContent([]))).StatusCode);
    }

    [Fact]
    public async Task The_mail_client_one_click_post_needs_no_cookie_or_antiforgery_token()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var (slug, _, topic) = w.Categories[BoardVisibility.Public];
        await w.Clients[MemberA].SubmitAsync($"/boards/{slug}", $"/boards/{slug}/watch", ("mode", "immediate"));
        await w.ReplyAsync(GroupMember, topic, "お知らせ");
        var mail = Assert.Single(app.Mails());
        var url = mail.Headers["List-Unsubscribe"].Trim('<', '>');
        var raw = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var response = await raw.PostAsync(new Uri(url).PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.InTenantAsync(null, db => db.Watches.AnyAsync(x => x.UserId == w.MemberAId && x.CategoryId != null)));
    }

    [Fact]
    public async Task Someone_removed_from_a_private_group_gets_no_more_of_its_mail()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var (slug, categoryId, topic) = w.Categories[BoardVisibility.PrivateGroup];
        await w.Clients[GroupMember].SubmitAsync($"/boards/{slug}", $"/boards/{slug}/watch", ("mode", "immediate"));
        await w.ReplyAsync(Moderator, topic, "連絡会議の日程案です。");
        Assert.Single(app.Mails());

        var remove = await w.Clients[Moderator].SubmitAsync($"/admin/boards/{categoryId}/members", $"/admin/boards/{categoryId}/members/{w.GroupMemberId}/delete");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        await w.ReplyAsync(Moderator, topic, "日程が決まりました。");
        Assert.Single(app.Mails());
        Assert.Equal(HttpStatusCode.NotFound, (await w.Clients[GroupMember].GetAsync($"/boards/t/{topic}")).StatusCode);
    }

    [Fact]
    public async Task The_daily_digest_lists_a_day_of_posts_once_even_when_run_twice()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(settings: Settings(), services: s => s.AddSingleton<TimeProvider>(clock));
        var w = await BuildAsync(app);
        var (slug, _, topic) = w.Categories[BoardVisibility.MembersOnly];
        clock.Advance(TimeSpan.FromMinutes(1)); // past the seeded post, written with the real clock
        await w.Clients[MemberA].SubmitAsync($"/boards/{slug}", $"/boards/{slug}/watch", ("mode", "digest"));
        clock.Advance(TimeSpan.FromMinutes(1));
        await w.ReplyAsync(GroupMember, topic, "評価の観点を共有します。");
        await w.ReplyAsync(Moderator, topic, "事務局からの補足です。");
        Assert.Empty(app.Mails()); // digest watchers get no per-reply mail

        var digest = app.Services.GetRequiredService<BoardDigest>();
        Assert.Equal(0, await digest.RunOnceAsync()); // not a day yet
        clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, await digest.RunOnceAsync());
        Assert.Equal(0, await digest.RunOnceAsync());
        var mail = Assert.Single(app.Mails());
        Assert.Equal("staff@a.example.jp", mail.To.Mailboxes.Single().Address);
        Assert.Contains("（2件）", mail.TextBody);
        Assert.True(mail.Headers["List-Unsubscribe"]?.Contains("/boards/unsubscribe?token=") == true, mail.Headers.ToString() + mail.TextBody);
    }
}

public sealed class BoardNotificationTests_Sqlite() : BoardNotificationTests(DatabaseProvider.Sqlite);

public sealed class BoardNotificationTests_PostgreSql() : BoardNotificationTests(DatabaseProvider.PostgreSql);
