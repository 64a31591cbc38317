using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;
using static NpoMunicipalNetwork.Tests.Boards.BoardWorld;

namespace NpoMunicipalNetwork.Tests.Boards;

/// <summary>Flags and auto-hide, the moderation queue, moderator actions with reasons, locks, moves, suspensions — and the audit log of each.</summary>
public abstract class BoardModerationTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static Task<HttpResponseMessage> Flag(BoardWorld w, string actor, int topicId, int postId, string reason = "spam") =>
        w.Clients[actor].SubmitAsync($"/boards/t/{topicId}", $"/boards/p/{postId}/flag", ("reason", reason));

    private static Task<List<AuditEntry>> BoardAuditAsync(TestApp app) =>
        app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == AuditAction.Moderate).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task A_post_is_held_for_review_after_the_configured_number_of_flags_and_a_moderator_restores_it()
    {
        await using var app = await StartAsync(settings: Settings(new() { ["Boards:HideAfterFlags"] = "2" }));
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.Public].TopicId;
        Assert.Equal(HttpStatusCode.Redirect, (await w.ReplyAsync(MemberA, topic, "怪しい宣伝の投稿")).StatusCode);
        var post = await app.InTenantAsync(null, db => db.Posts.Where(p => p.TopicId == topic).OrderBy(p => p.Id).LastAsync());

        Assert.Equal(HttpStatusCode.BadRequest, (await w.Clients[MemberA].SubmitAsync($"/boards/t/{topic}", $"/boards/p/{post.Id}/flag", ("reason", "spam"))).StatusCode); // own post
        var flagPage = await (await w.Clients[NoRole].GetAsync($"/boards/p/{post.Id}/flag")).DocumentAsync();
        Assert.Equal(3, flagPage.QuerySelectorAll("input[type=radio][name=reason]").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await w.Clients[NoRole].SubmitAsync($"/boards/p/{post.Id}/flag", $"/boards/p/{post.Id}/flag", ("reason", "spam"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Flag(w, NoRole, topic, post.Id)).StatusCode); // the same person again counts once
        Assert.Contains("怪しい宣伝の投稿", await (await w.Clients[Anonymous].GetAsync($"/boards/t/{topic}")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Flag(w, GroupMember, topic, post.Id, "offtopic")).StatusCode);

        var held = await app.InTenantAsync(null, db => db.Posts.SingleAsync(p => p.Id == post.Id));
        Assert.Equal(PostState.PendingReview, held.State);
        Assert.Equal(2, held.FlagCount);
        var publicView = await (await app.Browser().GetAsync($"/boards/t/{topic}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("怪しい宣伝の投稿", publicView);
        Assert.Contains("モデレーターの確認が終わるまで", publicView);

        Assert.Equal(HttpStatusCode.NotFound, (await w.Clients[MemberA].GetAsync($"/boards/p/{post.Id}/flag")).StatusCode); // held: nothing left to flag
        var postPage = await (await w.Clients[Moderator].GetAsync($"/admin/boards/posts/{post.Id}")).DocumentAsync();
        Assert.Contains("確認待ち", postPage.QuerySelector("main")!.TextContent);
        Assert.Contains("スパム 1件", postPage.QuerySelector("main")!.TextContent);
        var queue = await (await w.Clients[Moderator].GetAsync("/admin/boards/moderation")).DocumentAsync();
        var item = Assert.Single(queue.QuerySelectorAll(".moderation-item"));
        Assert.Contains("怪しい宣伝の投稿", item.TextContent);
        Assert.Contains("スパム 1件", item.TextContent);
        Assert.Contains("話題と関係がない 1件", item.TextContent);

        Assert.Equal(HttpStatusCode.Forbidden, (await w.Clients[MemberA].SubmitAsync("/account/password", $"/admin/boards/posts/{post.Id}/restore")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.Clients[Moderator].SubmitAsync("/admin/boards/moderation", $"/admin/boards/posts/{post.Id}/restore")).StatusCode);
        Assert.Equal(PostState.Visible, (await app.InTenantAsync(null, db => db.Posts.SingleAsync(p => p.Id == post.Id))).State);
        Assert.Contains("怪しい宣伝の投稿", await (await app.Browser().GetAsync($"/boards/t/{topic}")).Content.ReadAsStringAsync());
        Assert.Contains(await BoardAuditAsync(app), a => a.Summary.Contains("確認し、表示しました") && a.ActorUserId == w.ModeratorId);
    }

    [Fact]
    public async Task Hide_and_delete_need_a_reason_show_it_to_readers_and_are_audited()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.Public].TopicId;
        await w.ReplyAsync(MemberA, topic, "一つ目の返信");
        await w.ReplyAsync(MemberA, topic, "二つ目の返信");
        var ids = await app.InTenantAsync(null, db => db.Posts.Where(p => p.TopicId == topic).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var mod = w.Clients[Moderator];

        Assert.Equal(HttpStatusCode.BadRequest, (await mod.SubmitAsync($"/boards/t/{topic}", $"/admin/boards/posts/{ids[1]}/hide", ("reason", ""))).StatusCode);
        Assert.Equal(PostState.Visible, (await app.InTenantAsync(null, db => db.Posts.SingleAsync(p => p.Id == ids[1]))).State);

        var hide = await mod.SubmitAsync($"/boards/t/{topic}", $"/admin/boards/posts/{ids[1]}/hide", ("reason", "個人情報を含むため"), ("return", $"/boards/t/{topic}"));
        Assert.Equal($"/boards/t/{topic}?done=moderated", hide.Headers.Location!.OriginalString);
        await mod.SubmitAsync($"/boards/t/{topic}", $"/admin/boards/posts/{ids[2]}/delete", ("reason", "重複投稿"));

        var page = await (await app.Browser().GetAsync($"/boards/t/{topic}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("一つ目の返信", page);
        Assert.Contains("個人情報を含むため", page);
        Assert.Contains("重複投稿", page);
        Assert.Equal("", (await app.InTenantAsync(null, db => db.Posts.SingleAsync(p => p.Id == ids[2]))).Markdown);
        var audit = await BoardAuditAsync(app);
        Assert.Contains(audit, a => a.Summary.Contains("非表示にしました（理由: 個人情報を含むため）") && a.TargetType == AuditTargetTypes.BoardPost && a.TargetId == ids[1].ToString());
        Assert.Contains(audit, a => a.Summary.Contains("削除しました（理由: 重複投稿）"));
        Assert.All(audit, a => Assert.Null(a.TenantId)); // network-level, seen in the secretariat's audit view
    }

    [Fact]
    public async Task A_locked_topic_takes_no_replies_except_from_moderators_and_a_move_changes_who_can_read_it()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.Public].TopicId;
        var mod = w.Clients[Moderator];
        await mod.SubmitAsync($"/boards/t/{topic}", $"/admin/boards/topics/{topic}/lock", ("locked", "true"));

        var before = await w.PostCountAsync(topic);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Clients[MemberA].SubmitAsync($"/boards/t/{topic}", $"/boards/t/{topic}/replies", ("body", "ロック後の返信"))).StatusCode);
        Assert.Equal(before, await w.PostCountAsync(topic));
        Assert.Equal(HttpStatusCode.Redirect, (await w.ReplyAsync(Moderator, topic, "モデレーターからのお知らせ")).StatusCode);

        await mod.SubmitAsync($"/boards/t/{topic}", $"/admin/boards/topics/{topic}/pin", ("pinned", "true"));
        var category = await (await w.Clients[Anonymous].GetAsync("/boards/public")).DocumentAsync();
        Assert.Contains("固定", category.QuerySelector("tbody tr")!.TextContent);

        var privateGroup = w.Categories[BoardVisibility.PrivateGroup].CategoryId;
        await mod.SubmitAsync($"/boards/t/{topic}", $"/admin/boards/topics/{topic}/move", ("category", privateGroup.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, (await w.Clients[MemberA].GetAsync($"/boards/t/{topic}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Clients[GroupMember].GetAsync($"/boards/t/{topic}")).StatusCode);

        var audit = await BoardAuditAsync(app);
        Assert.Contains(audit, a => a.Summary.Contains("ロックしました"));
        Assert.Contains(audit, a => a.Summary.Contains("先頭に固定しました"));
        Assert.Contains(audit, a => a.Summary.Contains("「公開のカテゴリ」から「非公開グループのカテゴリ」に移動しました"));
    }

    [Fact]
    public async Task A_suspended_user_cannot_post_until_the_suspension_is_lifted()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.Public].TopicId;
        var mod = w.Clients[Moderator];
        var bad = await mod.SubmitAsync("/admin/boards/moderation", "/admin/boards/suspensions", ("user", w.MemberAId.ToString()), ("days", "0"), ("reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await mod.SubmitAsync("/admin/boards/moderation", "/admin/boards/suspensions",
            ("user", w.MemberAId.ToString()), ("days", "7"), ("reason", "宣伝の繰り返し"))).StatusCode);

        var before = await w.PostCountAsync(topic);
        var refused = await w.ReplyAsync(MemberA, topic, "停止中の返信");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("宣伝の繰り返し", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await w.PostCountAsync(topic));

        var queue = await (await mod.GetAsync("/admin/boards/moderation")).DocumentAsync();
        var lift = queue.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").EndsWith("/lift")).GetAttribute("action")!;
        await mod.SubmitAsync("/admin/boards/moderation", lift);
        Assert.Equal(HttpStatusCode.Redirect, (await w.ReplyAsync(MemberA, topic, "解除後の返信")).StatusCode);
        var audit = await BoardAuditAsync(app);
        Assert.Contains(audit, a => a.Summary.Contains("7日間停止しました（理由: 宣伝の繰り返し）") && a.TargetId == w.MemberAId.ToString());
        Assert.Contains(audit, a => a.Summary.Contains("投稿停止を解除しました"));
    }

    [Fact]
    public async Task Authors_edit_with_history_and_mark_the_answer_but_cannot_edit_others_posts()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var slug = w.Categories[BoardVisibility.MembersOnly].Slug;
        var created = await w.Clients[MemberA].SubmitAsync($"/boards/{slug}", $"/boards/{slug}/topics", ("title", "協働事業の評価方法"), ("body", "評価シートをどう作っていますか。"));
        var topicUrl = created.Headers.Location!.OriginalString;
        var topicId = int.Parse(topicUrl.Split('/').Last());
        await w.ReplyAsync(GroupMember, topicId, "当市では第三者評価を使っています。");
        var ids = await app.InTenantAsync(null, db => db.Posts.Where(p => p.TopicId == topicId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await w.Clients[MemberA].GetAsync($"/boards/p/{ids[1]}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.Clients[MemberA].SubmitAsync($"/boards/p/{ids[0]}/edit", $"/boards/p/{ids[0]}/edit", ("body", "評価シートの様式を教えてください。"))).StatusCode);
        var history = await (await w.Clients[GroupMember].GetAsync($"/boards/p/{ids[0]}/history")).DocumentAsync();
        Assert.Contains("評価シートの様式を教えてください。", history.QuerySelectorAll(".board-post__body")[0].TextContent);
        Assert.Contains("評価シートをどう作っていますか。", history.QuerySelectorAll(".board-post__body")[1].TextContent);

        Assert.Equal(HttpStatusCode.Forbidden, (await w.Clients[GroupMember].SubmitAsync(topicUrl, $"{topicUrl}/answer", ("post", ids[1].ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.Clients[MemberA].SubmitAsync(topicUrl, $"{topicUrl}/answer", ("post", ids[1].ToString()))).StatusCode);
        var page = await (await w.Clients[GroupMember].GetAsync(topicUrl)).DocumentAsync();
        Assert.Contains("解決した回答", page.QuerySelector($"#post-{ids[1]}")!.TextContent);
        var list = await (await w.Clients[GroupMember].GetAsync($"/boards/{slug}")).DocumentAsync();
        Assert.Contains(list.QuerySelectorAll("tbody tr"), tr => tr.TextContent.Contains("協働事業の評価方法") && tr.TextContent.Contains("解決済み"));
    }

    [Fact]
    public async Task Unread_markers_show_new_posts_until_the_topic_is_read()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var (slug, _, topic) = w.Categories[BoardVisibility.Public];
        Assert.NotNull((await (await w.Clients[MemberA].GetAsync($"/boards/{slug}")).DocumentAsync()).QuerySelector(".badge--unread"));
        await w.Clients[MemberA].GetAsync($"/boards/t/{topic}");
        Assert.Null((await (await w.Clients[MemberA].GetAsync($"/boards/{slug}")).DocumentAsync()).QuerySelector(".badge--unread"));
        await w.ReplyAsync(GroupMember, topic, "新しい返信");
        Assert.NotNull((await (await w.Clients[MemberA].GetAsync($"/boards/{slug}")).DocumentAsync()).QuerySelector(".badge--unread"));
        var page = await (await w.Clients[MemberA].GetAsync($"/boards/t/{topic}")).DocumentAsync();
        Assert.Single(page.QuerySelectorAll(".board-post .badge--unread"));
        Assert.Null((await (await w.Clients[Anonymous].GetAsync($"/boards/{slug}")).DocumentAsync()).QuerySelector(".badge--unread"));
    }
}

public sealed class BoardModerationTests_Sqlite() : BoardModerationTests(DatabaseProvider.Sqlite);

public sealed class BoardModerationTests_PostgreSql() : BoardModerationTests(DatabaseProvider.PostgreSql);
