using NpoMunicipalNetwork.Pages;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Boards;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Boards;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Search.Site;

/// <summary>Publishing, closing, a site's status and moderation reach the site search.</summary>
public abstract class SiteSearchFollowTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Word = "鷹匠";

    /// <summary>
    /// Waits until this instance's index has applied every change line written so far, then returns the
    /// result URLs <paramref name="client"/> sees for <see cref="Word"/>. How fast the index follows is
    /// not a matter for a test: the deadline (<see cref="CaseSeed.WaitForIndexAsync"/>) only ends a wait that would never end.
    /// </summary>
    private static async Task<List<string>> FollowedAsync(TestApp app, HttpClient client, string prefix = "")
    {
        await app.WaitForIndexAsync();
        var response = await client.GetAsync(SiteSeed.Search(Word, prefix: prefix));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SiteSeed.Results(await response.DocumentAsync()).Select(r => r.Url).ToList();
    }

    [Fact]
    public async Task A_page_shows_once_published_and_goes_when_closed_deleted_or_its_site_is_disabled()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("top", "トップ");
        await app.ApplyRecipeAsync($$"""
            { "name": "draft", "steps": [ { "name": "Content", "tenant": "{{a}}", "items": [
              { "type": "Page", "slug": "falcon", "title": "鷹匠の紹介", "body": "鷹匠の技を紹介します。", "published": false } ] } ] }
            """);
        await app.WaitForIndexAsync();
        var client = app.Browser();
        Assert.Empty(await FollowedAsync(app, client)); // a draft is never found

        await app.InScopeAsync(a, async sp =>
        {
            var db = sp.GetRequiredService<NetworkDbContext>();
            var page = await db.Pages.SingleAsync(p => p.Slug == "falcon");
            var workflow = sp.GetRequiredService<PageWorkflow>();
            await workflow.SaveRevisionAsync(page, new PageContentWorkflowType().NewRevision(new PageContent(page.Title, page.Slug, page.BodyMarkdown, 0, null), new Actor(0, "テスト"), ""), null, null, CancellationToken.None);
            await workflow.PublishDirectlyAsync(page, CancellationToken.None);
            await db.SaveChangesAsync();
            return true;
        });
        Assert.Equal([$"/{a}/pages/falcon"], await FollowedAsync(app, client));
        Assert.Equal([$"/{a}/pages/falcon"], await FollowedAsync(app, client, $"/{a}")); // the member site's own search

        await app.InTenantAsync(a, async db =>
        {
            var page = await db.Pages.SingleAsync(p => p.Slug == "falcon");
            page.IsPublished = false; // 公開終了
            page.ClosedUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        Assert.Empty(await FollowedAsync(app, client));

        await app.InTenantAsync(a, async db =>
        {
            (await db.Pages.SingleAsync(p => p.Slug == "falcon")).IsPublished = true;
            await db.SaveChangesAsync();
        });
        Assert.Single(await FollowedAsync(app, client));

        await app.InTenantAsync(null, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Name == a)).Status = TenantStatus.Disabled;
            await db.SaveChangesAsync();
        });
        Assert.Empty(await FollowedAsync(app, client)); // the index drops it; the catalog filter does too once it refreshes
        await app.InTenantAsync(null, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Name == a)).Status = TenantStatus.Active;
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TenantCatalog>().Invalidate();
        Assert.Single(await FollowedAsync(app, client));

        await app.InTenantAsync(a, async db =>
        {
            db.Pages.Remove(await db.Pages.SingleAsync(p => p.Slug == "falcon"));
            await db.SaveChangesAsync();
        });
        Assert.Empty(await FollowedAsync(app, client));
    }

    [Fact]
    public async Task A_post_hidden_by_a_moderator_leaves_search_and_a_move_or_a_stricter_category_hides_it_from_outsiders()
    {
        await using var app = await StartAsync(settings: BoardWorld.Settings());
        var w = await BoardWorld.BuildAsync(app);
        var (slug, publicId, topic) = w.Categories[BoardVisibility.Public];
        await w.ReplyAsync(BoardWorld.MemberA, topic, "鷹匠の集まりを開きます。");
        var post = await app.InTenantAsync(null, db => db.Posts.Where(p => p.TopicId == topic).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
        var anonymous = w.Clients[BoardWorld.Anonymous];
        var group = w.Clients[BoardWorld.GroupMember];
        Assert.Equal([$"/boards/t/{topic}#post-{post}"], await FollowedAsync(app, anonymous));

        // A move into the private group: outsiders lose it, the group keeps it.
        var privateGroup = w.Categories[BoardVisibility.PrivateGroup].CategoryId;
        var mod = w.Clients[BoardWorld.Moderator];
        Assert.Equal(HttpStatusCode.Redirect, (await mod.SubmitAsync($"/boards/t/{topic}", $"/admin/boards/topics/{topic}/move", ("category", privateGroup.ToString()))).StatusCode);
        Assert.Empty(await FollowedAsync(app, anonymous));
        Assert.Single(await FollowedAsync(app, group));
        Assert.Equal(HttpStatusCode.Redirect, (await mod.SubmitAsync($"/boards/t/{topic}", $"/admin/boards/topics/{topic}/move", ("category", publicId.ToString()))).StatusCode);
        Assert.Single(await FollowedAsync(app, anonymous));

        // The category becomes members-only: the readable set changes at once, no reindex needed.
        await app.InTenantAsync(null, async db =>
        {
            (await db.BoardCategories.SingleAsync(c => c.Id == publicId)).Visibility = BoardVisibility.MembersOnly;
            await db.SaveChangesAsync();
        });
        Assert.Empty(await FollowedAsync(app, anonymous));
        Assert.Single(await FollowedAsync(app, w.Clients[BoardWorld.MemberA]));
        await app.InTenantAsync(null, async db =>
        {
            (await db.BoardCategories.SingleAsync(c => c.Id == publicId)).Visibility = BoardVisibility.Public;
            await db.SaveChangesAsync();
        });
        Assert.Single(await FollowedAsync(app, anonymous));

        // A moderator hides the post through the moderation screen: gone for everyone, moderators included.
        var hide = await mod.SubmitAsync($"/boards/t/{topic}", $"/admin/boards/posts/{post}/hide", ("reason", "個人情報を含むため"));
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.Empty(await FollowedAsync(app, anonymous));
        Assert.Empty(await FollowedAsync(app, mod));
        Assert.Equal(slug, w.Categories[BoardVisibility.Public].Slug);
    }
}

public sealed class SiteSearchFollowTests_Sqlite() : SiteSearchFollowTests(DatabaseProvider.Sqlite);

public sealed class SiteSearchFollowTests_PostgreSql() : SiteSearchFollowTests(DatabaseProvider.PostgreSql);
