using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;
using static NpoMunicipalNetwork.Tests.Boards.BoardWorld;

namespace NpoMunicipalNetwork.Tests.Boards;

/// <summary>Rate limits per user and per IP, the honeypot, new accounts and links, and the maximum post length.</summary>
public abstract class BoardAntiAbuseTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Posting_is_limited_per_user_and_the_refused_post_is_not_stored()
    {
        await using var app = await StartAsync(settings: Settings(new() { ["Boards:PostsPerMinutePerUser"] = "3" }));
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.Public].TopicId;
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await w.ReplyAsync(MemberA, topic, $"返信{i}")).StatusCode);
        var before = await w.PostCountAsync(topic);
        var limited = await w.ReplyAsync(MemberA, topic, "4件目");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("1分ほど待って", await limited.Content.ReadAsStringAsync());
        Assert.Equal(before, await w.PostCountAsync(topic));
        // Another user (same test IP, whose limit is higher) still posts.
        Assert.Equal(HttpStatusCode.Redirect, (await w.ReplyAsync(GroupMember, topic, "別の人の返信")).StatusCode);
    }

    [Fact]
    public async Task Posting_is_limited_per_ip_across_users()
    {
        await using var app = await StartAsync(settings: Settings(new() { ["Boards:PostsPerMinutePerIp"] = "4" }));
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.Public].TopicId;
        var codes = new List<HttpStatusCode>();
        foreach (var actor in new[] { MemberA, MemberA, GroupMember, NoRole, Moderator })
            codes.Add((await w.ReplyAsync(actor, topic, $"{actor}の返信")).StatusCode);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused_and_nothing_is_stored()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var (slug, categoryId, topic) = w.Categories[BoardVisibility.Public];
        var page = await (await w.Clients[MemberA].GetAsync($"/boards/t/{topic}")).DocumentAsync();
        var trap = page.QuerySelector("#field-website")!;
        Assert.Equal("この欄は空のままにしてください（迷惑投稿対策）", page.QuerySelector("label[for=field-website]")!.TextContent);
        Assert.Equal("-1", trap.GetAttribute("tabindex"));

        var before = await w.PostCountAsync(topic);
        var reply = await w.ReplyAsync(MemberA, topic, "ボットの返信", ("website", "https://spam.example"));
        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        var create = await w.Clients[MemberA].SubmitAsync($"/boards/{slug}", $"/boards/{slug}/topics", ("title", "ボット"), ("body", "x"), ("website", "x"));
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(before, await w.PostCountAsync(topic));
        Assert.Equal(1, await app.InTenantAsync(null, db => db.Topics.CountAsync(t => t.CategoryId == categoryId)));
    }

    [Fact]
    public async Task A_new_account_cannot_post_links_until_it_is_old_enough_and_has_posted_enough()
    {
        await using var app = await StartAsync(settings: Settings(new() { ["Boards:TrustedAfterDays"] = "3", ["Boards:TrustedAfterPosts"] = "2" }));
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.Public].TopicId;
        var refused = await w.ReplyAsync(MemberA, topic, "詳しくは https://example.jp/info をご覧ください");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("リンクを投稿できません", (await refused.DocumentAsync()).QuerySelector("#error-body")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await w.ReplyAsync(MemberA, topic, "リンクのない返信1")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.ReplyAsync(MemberA, topic, "リンクのない返信2")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.ReplyAsync(MemberA, topic, "[資料](https://example.jp/a)")).StatusCode); // enough posts, still too new

        await app.InTenantAsync(null, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == w.MemberAId);
            user.CreatedUtc = DateTime.UtcNow.AddDays(-4);
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await w.ReplyAsync(MemberA, topic, "[資料](https://example.jp/a)")).StatusCode);
        var html = await app.InTenantAsync(null, db => db.Posts.Where(p => p.TopicId == topic).OrderBy(p => p.Id).Select(p => p.Html).LastAsync());
        Assert.Contains("rel=\"nofollow ugc noopener\"", html);
    }

    [Fact]
    public async Task A_post_over_the_maximum_length_is_refused_with_the_field_named()
    {
        await using var app = await StartAsync(settings: Settings(new() { ["Boards:MaxPostLength"] = "100" }));
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.Public].TopicId;
        var before = await w.PostCountAsync(topic);
        var response = await w.ReplyAsync(MemberA, topic, new string('あ', 101));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.DocumentAsync();
        Assert.Contains("本文は100文字以内", doc.QuerySelector("#error-body")!.TextContent);
        Assert.Equal("#field-body", doc.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(new string('あ', 101), doc.QuerySelector("#field-body")!.TextContent); // kept for the author to shorten
        Assert.Equal(before, await w.PostCountAsync(topic));
        Assert.Equal(HttpStatusCode.BadRequest, (await w.ReplyAsync(MemberA, topic, "   ")).StatusCode);
    }
}

public sealed class BoardAntiAbuseTests_Sqlite() : BoardAntiAbuseTests(DatabaseProvider.Sqlite);

public sealed class BoardAntiAbuseTests_PostgreSql() : BoardAntiAbuseTests(DatabaseProvider.PostgreSql);
