using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;
using static NpoMunicipalNetwork.Tests.Boards.BoardWorld;

namespace NpoMunicipalNetwork.Tests.Boards;

/// <summary>Attachments: kinds checked on the bytes, size and trust limits, and downloads only for the post's readers.</summary>
public abstract class BoardAttachmentTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_private_groups_attachment_downloads_only_for_its_readers_and_never_after_the_post_is_hidden()
    {
        await using var app = await StartAsync(settings: Settings());
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.PrivateGroup].TopicId;
        Assert.Equal(HttpStatusCode.Redirect, (await w.ReplyWithFilesAsync(GroupMember, topic, "会議資料を添付します。", ("資料.pdf", Pdf))).StatusCode);
        var page = await (await w.Clients[GroupMember].GetAsync($"/boards/t/{topic}")).DocumentAsync();
        var link = page.QuerySelector(".board-post__files a")!;
        Assert.Equal("資料.pdf", link.TextContent);
        var url = link.GetAttribute("href")!;

        var expected = new Dictionary<string, HttpStatusCode>
        {
            [Anonymous] = HttpStatusCode.NotFound, [NoRole] = HttpStatusCode.NotFound, [MemberA] = HttpStatusCode.NotFound,
            [GroupMember] = HttpStatusCode.OK, [Moderator] = HttpStatusCode.OK,
        };
        foreach (var (actor, code) in expected)
        {
            var response = await w.Clients[actor].GetAsync(url);
            Assert.True(code == response.StatusCode, $"{actor}: {response.StatusCode}");
            if (code == HttpStatusCode.OK)
            {
                Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
                Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
                Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
            }
        }
        // Another post's id with this file's id is no way in either.
        var otherPost = await app.InTenantAsync(null, db => db.Posts.Where(p => p.TopicId == w.Categories[BoardVisibility.Public].TopicId).Select(p => p.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await w.Clients[Anonymous].GetAsync($"/boards/files/{otherPost}/{url.Split('/').Last()}")).StatusCode);

        var postId = int.Parse(url.Split('/')[3]);
        await w.Clients[Moderator].SubmitAsync($"/boards/t/{topic}", $"/admin/boards/posts/{postId}/hide", ("reason", "確認中"));
        Assert.Equal(HttpStatusCode.NotFound, (await w.Clients[GroupMember].GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Clients[Moderator].GetAsync(url)).StatusCode);
        await w.Clients[Moderator].SubmitAsync($"/boards/t/{topic}", $"/admin/boards/posts/{postId}/delete", ("reason", "誤って添付"));
        Assert.Equal(HttpStatusCode.NotFound, (await w.Clients[Moderator].GetAsync(url)).StatusCode);
        Assert.Equal(0, await app.InTenantAsync(null, db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task A_file_whose_bytes_are_not_an_allowed_kind_is_refused_whatever_its_name_and_nothing_is_stored()
    {
        await using var app = await StartAsync(settings: Settings(new() { ["Boards:MaxAttachmentBytes"] = "2000" }));
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.Public].TopicId;
        var before = await w.PostCountAsync(topic);

        var html = await w.ReplyWithFilesAsync(MemberA, topic, "資料です", ("report.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")));
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains("の内容は", (await html.DocumentAsync()).QuerySelector("#error-attachments")!.TextContent);

        var large = await w.ReplyWithFilesAsync(MemberA, topic, "資料です", ("big.pdf", [.. Pdf, .. new byte[3000]]));
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.Contains("上限", (await large.DocumentAsync()).QuerySelector("#error-attachments")!.TextContent);

        var tooMany = await w.ReplyWithFilesAsync(MemberA, topic, "資料です", ("a.pdf", Pdf), ("b.pdf", Pdf), ("c.pdf", Pdf), ("d.pdf", Pdf));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);

        Assert.Equal(before, await w.PostCountAsync(topic));
        Assert.Equal(0, await app.InTenantAsync(null, db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task A_new_account_cannot_attach_files()
    {
        await using var app = await StartAsync(settings: Settings(new() { ["Boards:TrustedAfterDays"] = "3" }));
        var w = await BuildAsync(app);
        var topic = w.Categories[BoardVisibility.Public].TopicId;
        var response = await w.ReplyWithFilesAsync(MemberA, topic, "資料です", ("a.pdf", Pdf));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("添付できません", (await response.DocumentAsync()).QuerySelector("#error-attachments")!.TextContent);
        Assert.Equal(0, await app.InTenantAsync(null, db => db.StoredFiles.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await w.ReplyWithFilesAsync(Moderator, topic, "資料です", ("a.pdf", Pdf))).StatusCode);
    }
}

public sealed class BoardAttachmentTests_Sqlite() : BoardAttachmentTests(DatabaseProvider.Sqlite);

public sealed class BoardAttachmentTests_PostgreSql() : BoardAttachmentTests(DatabaseProvider.PostgreSql);
