using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Boards;

/// <summary>
/// A network with one category of each kind, a topic in each, and the actors of the visibility matrix,
/// all signed in at the hub: a member site's staff (guest session), a private group's member, and the secretariat.
/// </summary>
public sealed class BoardWorld
{
    public const string Anonymous = "anonymous";
    public const string MemberA = "memberA";
    public const string GroupMember = "groupMember";
    public const string Moderator = "moderator";

    /// <summary>Signed in, but holding no role: may read and post in public categories only.</summary>
    public const string NoRole = "noRole";

    public static readonly string[] Actors = [Anonymous, NoRole, MemberA, GroupMember, Moderator];

    public required TestApp App { get; init; }
    public required string A { get; init; }
    public required Dictionary<string, HttpClient> Clients { get; init; }
    public required Dictionary<BoardVisibility, (string Slug, int CategoryId, int TopicId)> Categories { get; init; }
    public required int MemberAId { get; init; }
    public required int GroupMemberId { get; init; }
    public required int ModeratorId { get; init; }

    /// <summary>Board settings that keep tests independent of rate limits and trust unless a test sets them.</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra = null)
    {
        var s = new Dictionary<string, string?>
        {
            ["Boards:PostsPerMinutePerUser"] = "1000",
            ["Boards:PostsPerMinutePerIp"] = "1000",
            ["Boards:DigestCheckMinutes"] = "0",
            ["Boards:TrustedAfterDays"] = "0",
            ["Boards:TrustedAfterPosts"] = "0",
        };
        foreach (var (k, v) in extra ?? []) s[k] = v;
        return s;
    }

    public static async Task<BoardWorld> BuildAsync(TestApp app)
    {
        var a = await app.CreateTenantWithPageAsync("p", "p");
        var memberA = await app.CreateUserAsync(a, "staff@a.example.jp", [Roles.MemberStaff]);
        await app.CreateUserAsync(a, "norole@a.example.jp", []);
        var group = await app.CreateUserAsync(a, "group@a.example.jp", [Roles.MemberEditor]);
        var moderator = await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);

        var categories = new Dictionary<BoardVisibility, (string, int, int)>();
        foreach (var kind in Enum.GetValues<BoardVisibility>())
        {
            var slug = kind.ToString().ToLowerInvariant();
            var ids = await app.InTenantAsync(null, async db =>
            {
                var c = new BoardCategory { Slug = slug, Name = $"{BoardCategory.Japanese(kind)}のカテゴリ", Visibility = kind };
                db.BoardCategories.Add(c);
                await db.SaveChangesAsync();
                if (kind == BoardVisibility.PrivateGroup)
                    db.BoardGroupMembers.Add(new BoardGroupMember { CategoryId = c.Id, UserId = group });
                var t = await SeedTopicAsync(db, c.Id, moderator, $"{BoardCategory.Japanese(kind)}の話題", $"{kind}の最初の投稿");
                return (c.Id, t);
            });
            categories[kind] = (slug, ids.Item1, ids.Item2);
        }

        var clients = new Dictionary<string, HttpClient>
        {
            [Anonymous] = app.Browser(),
            [NoRole] = await app.SignedInAsync("norole@a.example.jp"),
            [MemberA] = await app.SignedInAsync("staff@a.example.jp"),
            [GroupMember] = await app.SignedInAsync("group@a.example.jp"),
            [Moderator] = await app.SignedInAsync("secretariat@example.jp"),
        };
        return new BoardWorld
        {
            App = app, A = a, Clients = clients, Categories = categories,
            MemberAId = memberA, GroupMemberId = group, ModeratorId = moderator,
        };
    }

    /// <summary>A topic with one post written straight to the database (no HTTP, no rate limit).</summary>
    public static async Task<int> SeedTopicAsync(NetworkDbContext db, int categoryId, int authorId, string title, string body, int replies = 0)
    {
        var now = DateTime.UtcNow;
        var t = new Topic { CategoryId = categoryId, Title = title, AuthorId = authorId, CreatedUtc = now, LastActivityUtc = now, PostCount = 1 + replies };
        db.Topics.Add(t);
        await db.SaveChangesAsync();
        var posts = Enumerable.Range(0, 1 + replies).Select(i => new Post
        {
            TopicId = t.Id, AuthorId = authorId, AuthorName = "事務局", Markdown = i == 0 ? body : $"返信 {i}",
            Html = i == 0 ? $"<p>{body}</p>" : $"<p>返信 {i}。NPOとの協働について、各地の取り組みを共有します。</p>", CreatedUtc = now.AddSeconds(i),
        }).ToList();
        db.Posts.AddRange(posts);
        await db.SaveChangesAsync();
        t.LastPostId = posts[^1].Id;
        await db.SaveChangesAsync();
        return t.Id;
    }

    public Task<HttpResponseMessage> ReplyAsync(string actor, int topicId, string body, params (string, string)[] more) =>
        Clients[actor].SubmitAsync($"/boards/t/{topicId}", $"/boards/t/{topicId}/replies", [("body", body), .. more]);

    /// <summary>A reply with files, as the form sends it (multipart/form-data).</summary>
    public async Task<HttpResponseMessage> ReplyWithFilesAsync(string actor, int topicId, string body, params (string Name, byte[] Data)[] files)
    {
        var client = Clients[actor];
        var doc = await (await client.GetAsync($"/boards/t/{topicId}")).DocumentAsync();
        Assert.Equal("multipart/form-data", doc.QuerySelector("form.board-form")!.GetAttribute("enctype"));
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(body), "body" }, { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, data) in files)
            content.Add(new ByteArrayContent(data), "attachments", name);
        return await client.PostAsync($"/boards/t/{topicId}/replies", content);
    }

    public static async Task<HttpResponseMessage> PostWithTokenFromAsync(HttpClient client, string tokenPage, string url, params (string, string)[] fields)
    {
        var page = await client.GetAsync(tokenPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await client.SubmitAsync(tokenPage, url, fields);
    }

    public Task<int> PostCountAsync(int topicId) => App.InTenantAsync(null, db => db.Posts.CountAsync(p => p.TopicId == topicId));
}
