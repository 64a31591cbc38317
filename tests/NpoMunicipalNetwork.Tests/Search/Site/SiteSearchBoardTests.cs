using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Boards;
using NpoMunicipalNetwork.Tests.Infrastructure;
using static NpoMunicipalNetwork.Tests.Boards.BoardWorld;

namespace NpoMunicipalNetwork.Tests.Search.Site;

/// <summary>Board posts in the site search: every viewer finds exactly the posts they may read, and nothing of the rest reaches the page.</summary>
public abstract class SiteSearchBoardTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string MemberB = "memberB";

    // Per actor: anonymous, signed in without a role, staff of site A, staff of another site B, the private group's member, the secretariat.
    private static readonly string[] Matrix = [Anonymous, NoRole, MemberA, MemberB, GroupMember, Moderator];

    private static readonly Dictionary<BoardVisibility, bool[]> Finds = new()
    {
        [BoardVisibility.Public] = [true, true, true, true, true, true],
        [BoardVisibility.MembersOnly] = [false, false, true, true, true, true],
        [BoardVisibility.PrivateGroup] = [false, false, false, false, true, true],
    };

    private static string Secret(BoardVisibility kind) => $"鷹匠の{kind}だけの話";

    private static async Task<BoardWorld> WorldAsync(TestApp app)
    {
        var w = await BuildAsync(app);
        var b = await app.CreateTenantWithPageAsync("top", "トップ");
        await app.CreateUserAsync(b, "staff@b.example.jp", [Roles.MemberStaff]);
        w.Clients[MemberB] = await app.SignedInAsync("staff@b.example.jp");
        await app.InTenantAsync(null, async db =>
        {
            foreach (var (kind, (_, _, topic)) in w.Categories)
            {
                var first = await db.Posts.Where(p => p.TopicId == topic).OrderBy(p => p.Id).FirstAsync();
                first.Markdown = Secret(kind); // the indexed text comes from the Markdown
            }
            await db.SaveChangesAsync();
        });
        await app.WaitForIndexAsync();
        return w;
    }

    [Fact]
    public async Task Each_viewer_finds_exactly_the_posts_they_may_read_and_no_text_of_the_others()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await WorldAsync(app);
        var mismatches = new List<string>();
        for (var i = 0; i < Matrix.Length; i++)
        {
            var actor = Matrix[i];
            var response = await w.Clients[actor].GetAsync(SiteSeed.Search("鷹匠"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var doc = await response.DocumentAsync();
            var html = doc.DocumentElement.TextContent; // the words a reader sees, <mark> or not
            var found = SiteSeed.Results(doc).Where(r => r.Kind == "board").ToList();
            var expected = w.Categories.Where(c => Finds[c.Key][i]).ToList();
            var counts = SiteSeed.Counts(doc);
            if (counts["board"] != expected.Count || found.Count != expected.Count)
                mismatches.Add($"{actor}: board count {counts["board"]}, results {found.Count}, expected {expected.Count}");
            foreach (var (kind, (_, _, topic)) in w.Categories)
            {
                var may = Finds[kind][Array.IndexOf(Matrix, actor)];
                var listed = found.Any(r => r.Url.StartsWith($"/boards/t/{topic}#"));
                if (listed != may)
                    mismatches.Add($"{actor}: {kind} listed={listed}");
                if (!may && (html.Contains(Secret(kind)) || html.Contains($"{BoardCategory.Japanese(kind)}の話題") || html.Contains($"{BoardCategory.Japanese(kind)}のカテゴリ")))
                    mismatches.Add($"{actor}: text of the {kind} post leaked into the page");
                if (may && !found.Any(r => r.Snippet.Contains(Secret(kind))))
                    mismatches.Add($"{actor}: {kind} post found without its snippet");
            }
            var cacheControl = response.Headers.CacheControl?.ToString() ?? "";
            if ((actor != Anonymous) != cacheControl.Contains("private"))
                mismatches.Add($"{actor}: Cache-Control '{cacheControl}'");
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task A_member_site_search_never_shows_board_posts_even_to_the_secretariat()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await WorldAsync(app);
        foreach (var actor in Matrix)
        {
            var html = (await (await w.Clients[actor].GetAsync(SiteSeed.Search("鷹匠", prefix: $"/{w.A}"))).DocumentAsync()).DocumentElement.TextContent;
            foreach (var kind in Enum.GetValues<BoardVisibility>())
                Assert.DoesNotContain(Secret(kind), html);
        }
        // Private-group membership is read per request: removing the member hides the group's posts from them at once.
        await app.InTenantAsync(null, async db =>
        {
            db.BoardGroupMembers.RemoveRange(await db.BoardGroupMembers.Where(m => m.UserId == w.GroupMemberId).ToListAsync());
            await db.SaveChangesAsync();
        });
        var after = (await (await w.Clients[GroupMember].GetAsync(SiteSeed.Search("鷹匠"))).DocumentAsync()).DocumentElement.TextContent;
        Assert.DoesNotContain(Secret(BoardVisibility.PrivateGroup), after);
        Assert.Contains(Secret(BoardVisibility.MembersOnly), after);
    }
}

public sealed class SiteSearchBoardTests_Sqlite() : SiteSearchBoardTests(DatabaseProvider.Sqlite);

public sealed class SiteSearchBoardTests_PostgreSql() : SiteSearchBoardTests(DatabaseProvider.PostgreSql);
