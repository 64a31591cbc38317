using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;
using static NpoMunicipalNetwork.Tests.Boards.BoardWorld;

namespace NpoMunicipalNetwork.Tests.Boards;

/// <summary>Every category kind × every actor, for reading (list, category, direct topic URL, history) and for posting.</summary>
public abstract class BoardVisibilityTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    // Expected per actor, in the order of BoardWorld.Actors: anonymous, noRole, memberA, groupMember, moderator.
    private static readonly Dictionary<BoardVisibility, bool[]> Reads = new()
    {
        [BoardVisibility.Public] = [true, true, true, true, true],
        [BoardVisibility.MembersOnly] = [false, false, true, true, true],
        [BoardVisibility.PrivateGroup] = [false, false, false, true, true],
    };

    private static readonly Dictionary<BoardVisibility, bool[]> Posts = new()
    {
        [BoardVisibility.Public] = [false, true, true, true, true],
        [BoardVisibility.MembersOnly] = [false, false, true, true, true],
        [BoardVisibility.PrivateGroup] = [false, false, false, true, true],
    };

    [Fact]
    public async Task Each_actor_reads_exactly_the_categories_their_kind_allows()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var mismatches = new List<string>();
        foreach (var (kind, (slug, _, topicId)) in w.Categories)
            for (var i = 0; i < Actors.Length; i++)
            {
                var client = w.Clients[Actors[i]];
                var expected = Reads[kind][i] ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                foreach (var url in new[] { $"/boards/{slug}", $"/boards/t/{topicId}" })
                {
                    var response = await client.GetAsync(url);
                    if (response.StatusCode != expected)
                        mismatches.Add($"{url} ({kind}) as {Actors[i]}: expected {expected}, got {response.StatusCode}");
                    var html = await response.Content.ReadAsStringAsync();
                    if (!Reads[kind][i] && html.Contains($"{kind}の最初の投稿"))
                        mismatches.Add($"{url} ({kind}) as {Actors[i]}: the post's text leaked");
                }
                var index = await (await client.GetAsync("/boards")).DocumentAsync();
                var listed = index.QuerySelectorAll("main a").Any(a => a.GetAttribute("href") == $"/boards/{slug}");
                if (listed != Reads[kind][i])
                    mismatches.Add($"/boards as {Actors[i]}: {kind} listed={listed}");
            }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task Each_actor_posts_exactly_where_their_kind_allows_and_refused_posts_store_nothing()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var mismatches = new List<string>();
        foreach (var (kind, (slug, categoryId, topicId)) in w.Categories)
            for (var i = 0; i < Actors.Length; i++)
            {
                var actor = Actors[i];
                var client = w.Clients[actor];
                // Those who cannot see the page take a valid token of their own from a page they can open.
                var tokenPage = actor == Anonymous ? "/account/login" : Reads[kind][i] ? $"/boards/t/{topicId}" : "/account/password";
                var before = await w.PostCountAsync(topicId);
                var reply = await client.SubmitAsync(tokenPage, $"/boards/t/{topicId}/replies", ("body", $"{actor}の返信"));
                var topicsBefore = await app.InTenantAsync(null, db => db.Topics.CountAsync(t => t.CategoryId == categoryId));
                var create = await client.SubmitAsync(tokenPage, $"/boards/{slug}/topics", ("title", $"{actor}のトピック"), ("body", "本文です。"));
                var stored = await w.PostCountAsync(topicId) - before;
                var topicsAdded = await app.InTenantAsync(null, db => db.Topics.CountAsync(t => t.CategoryId == categoryId)) - topicsBefore;

                var allowed = Posts[kind][i];
                var expected = allowed ? HttpStatusCode.Redirect : Reads[kind][i] ? HttpStatusCode.Redirect : HttpStatusCode.NotFound;
                if (reply.StatusCode != expected || create.StatusCode != expected)
                    mismatches.Add($"{kind} as {actor}: reply {reply.StatusCode}, create {create.StatusCode}, expected {expected}");
                if (!allowed && reply.StatusCode == HttpStatusCode.Redirect && !reply.Headers.Location!.OriginalString.StartsWith("/account/login"))
                    mismatches.Add($"{kind} as {actor}: refused reply should go to the login page");
                if (stored != (allowed ? 1 : 0) || topicsAdded != (allowed ? 1 : 0))
                    mismatches.Add($"{kind} as {actor}: stored {stored} replies and {topicsAdded} topics");
            }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task ReadablePosts_gives_search_only_what_the_viewer_may_read()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        await app.InTenantAsync(null, async db =>
        {
            var hidden = await db.Posts.FirstAsync(p => p.TopicId == w.Categories[BoardVisibility.Public].TopicId);
            hidden.State = PostState.Hidden;
            hidden.StateReason = "テスト";
            await db.SaveChangesAsync();
        });
        async Task<string[]> Texts(BoardViewer viewer) => await app.InTenantAsync(null, db =>
            BoardAccess.ReadablePosts(db, viewer).OrderBy(p => p.Id).Select(p => p.Markdown).ToArrayAsync());

        Assert.Empty(await Texts(BoardViewer.Anonymous));
        Assert.Equal(["MembersOnlyの最初の投稿"], await Texts(new BoardViewer(w.MemberAId, "staff", true, false, new HashSet<int>())));
        Assert.Equal(["MembersOnlyの最初の投稿", "PrivateGroupの最初の投稿"],
            await Texts(new BoardViewer(w.GroupMemberId, "group", true, false, new HashSet<int>())));
        Assert.Equal(["MembersOnlyの最初の投稿", "PrivateGroupの最初の投稿"], await Texts(new BoardViewer(w.ModeratorId, "mod", true, true, new HashSet<int>())));
    }
}

public sealed class BoardVisibilityTests_Sqlite() : BoardVisibilityTests(DatabaseProvider.Sqlite);

public sealed class BoardVisibilityTests_PostgreSql() : BoardVisibilityTests(DatabaseProvider.PostgreSql);
