using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Search;

/// <summary>The index follows publish, unpublish, delete and site status, on this instance and on another one.</summary>
public abstract class IndexFollowTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly CaseQuery Word = new() { Text = "協働" };

    /// <summary>
    /// Waits until this instance's index has applied every change-log line written so far (a cheap
    /// in-memory check, so the waiting takes no CPU from the indexer), then checks what the search finds.
    /// How fast the index follows is not a matter for a test: the deadline (<see cref="CaseSeed.WaitForIndexAsync"/>) only ends a wait that would never end.
    /// </summary>
    private static async Task UntilAsync(TestApp app, Func<IReadOnlyList<int>, bool> expected, CaseQuery? q = null)
    {
        await app.WaitForIndexAsync();
        var found = await app.FindAsync(q ?? Word);
        Assert.True(expected(found), $"found [{string.Join(", ", found)}]");
    }

    private static Task<int> SaveDraftAsync(TestApp app, string tenant, string title) => app.InScopeAsync(tenant, async sp =>
    {
        var db = sp.GetRequiredService<NetworkDbContext>();
        var workflow = sp.GetRequiredService<CaseWorkflow>();
        var item = new PolicyCase();
        var content = new CaseContent
        {
            Title = title, Summary = "NPO と行政の協働による見守り", Activities = "地域の NPO 法人と協働して見守り活動を行う。",
            StartFiscalYear = 2020, RelationshipType = RelationshipType.Collaboration, FieldCodes = ["welfare"], MethodCodes = ["joint-committee"],
        };
        await workflow.SaveRevisionAsync(item, new CaseContentWorkflowType().NewRevision(content, new Actor(0, "テスト"), ""), null, null, CancellationToken.None);
        await db.SaveChangesAsync();
        return item.Id;
    });

    [Fact]
    public async Task Publish_unpublish_and_delete_show_in_search()
    {
        await using var app = await StartAsync();
        var id = await SaveDraftAsync(app, "chiba", "見守りの協働事業");
        await app.WaitForIndexAsync();
        Assert.Empty(await app.FindAsync(Word)); // a draft is never found

        await app.InScopeAsync("chiba", async sp =>
        {
            var db = sp.GetRequiredService<NetworkDbContext>();
            var item = await CaseWorkflow.WithChildren(db.PolicyCases).SingleAsync(c => c.Id == id);
            await sp.GetRequiredService<CaseWorkflow>().PublishDirectlyAsync(item, CancellationToken.None);
            await db.SaveChangesAsync();
            return true;
        });
        await UntilAsync(app, ids => ids.SequenceEqual([id]));

        await app.InTenantAsync("chiba", async db =>
        {
            var item = await db.PolicyCases.SingleAsync(c => c.Id == id);
            item.IsPublished = false; // 公開終了
            item.ClosedUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        await UntilAsync(app, ids => ids.Count == 0);

        await app.InTenantAsync("chiba", async db =>
        {
            var item = await db.PolicyCases.SingleAsync(c => c.Id == id);
            item.IsPublished = true;
            await db.SaveChangesAsync();
        });
        await UntilAsync(app, ids => ids.SequenceEqual([id]));

        await app.InTenantAsync("chiba", async db =>
        {
            db.PolicyCases.Remove(await db.PolicyCases.SingleAsync(c => c.Id == id));
            await db.SaveChangesAsync();
        });
        await UntilAsync(app, ids => ids.Count == 0);
    }

    [Fact]
    public async Task A_cached_search_page_never_outlives_the_index_catching_up()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "60" });
        var url = "/cases?q=" + Uri.EscapeDataString("協働");
        Assert.Empty((await app.GetPageAsync(url)).Document.QuerySelectorAll(".case-result"));
        await app.AddCaseAsync(new CaseSpec("chiba", "協働の事例"));
        await app.GetPageAsync(url); // may be answered (and cached) before the index has the case
        await app.WaitForIndexAsync();
        Assert.Single((await app.GetPageAsync(url)).Document.QuerySelectorAll(".case-result"));
    }

    [Fact]
    public async Task A_change_to_a_case_field_alone_reindexes_the_case()
    {
        await using var app = await StartAsync();
        var id = await app.AddCaseAsync(new CaseSpec("chiba", "協働の事例") { Fields = ["welfare"] });
        var education = new CaseQuery { Fields = ["education"] };
        await app.WaitForIndexAsync();
        Assert.Empty(await app.FindAsync(education));
        await app.InTenantAsync("chiba", async db =>
        {
            var fieldId = await db.PolicyFields.Where(f => f.Code == "education").Select(f => f.Id).SingleAsync();
            var item = await db.PolicyCases.Include(c => c.Fields).SingleAsync(c => c.Id == id);
            item.Fields.Add(new PolicyCaseField { PolicyFieldId = fieldId }); // the case row itself is unchanged
            await db.SaveChangesAsync();
        });
        await UntilAsync(app, ids => ids.SequenceEqual([id]), education);
    }

    [Fact]
    public async Task A_disabled_sites_cases_are_never_found_and_come_back_when_it_is_enabled()
    {
        await using var app = await StartAsync();
        var id = await app.AddCaseAsync(new CaseSpec("shiga", "協働の事例"));
        await UntilAsync(app, ids => ids.SequenceEqual([id]));

        async Task SetStatusAsync(TenantStatus status) => await app.InTenantAsync(null, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Name == "shiga")).Status = status;
            await db.SaveChangesAsync();
        });
        await SetStatusAsync(TenantStatus.Disabled);
        await UntilAsync(app, ids => ids.Count == 0); // the index drops them; the catalog filter does too once it refreshes
        var (response, doc) = await app.GetPageAsync("/cases?q=" + Uri.EscapeDataString("協働"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(doc.QuerySelectorAll(".case-result"));

        await SetStatusAsync(TenantStatus.Active);
        app.Services.GetRequiredService<TenantCatalog>().Invalidate();
        await UntilAsync(app, ids => ids.SequenceEqual([id]));
    }

    [Fact]
    public async Task Another_instance_builds_its_own_index_and_follows_changes_made_elsewhere()
    {
        await using var first = await StartAsync();
        var before = await first.AddCaseAsync(new CaseSpec("chiba", "協働の事例 1"));
        await first.WaitForIndexAsync();
        await using var second = first.StartAnotherOnSameDatabase();
        await second.WaitForIndexAsync(); // new index: rebuilt from the database on start
        Assert.Equal([before], await second.FindAsync(Word));

        var after = await first.AddCaseAsync(new CaseSpec("yokohama", "協働の事例 2"));
        await UntilAsync(second, ids => ids.Order().SequenceEqual(new[] { before, after }.Order())); // by polling the change log

        await first.InTenantAsync("chiba", async db =>
        {
            db.PolicyCases.Remove(await db.PolicyCases.SingleAsync(c => c.Id == before));
            await db.SaveChangesAsync();
        });
        await UntilAsync(second, ids => ids.SequenceEqual([after]));
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_no_change_log_line_and_a_committed_one_always_has_one()
    {
        await using var app = await StartAsync();
        var before = await app.InTenantAsync(null, db => db.SearchChanges.CountAsync()); // the setup recipe's sites
        await app.InTenantAsync("chiba", async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.PolicyCases.Add(new PolicyCase { Title = "取り消される事例", IsPublished = true, StartFiscalYear = 2020 });
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        });
        Assert.Equal(before, await app.InTenantAsync(null, db => db.SearchChanges.CountAsync()));
        var id = await app.AddCaseAsync(new CaseSpec("chiba", "残る事例"));
        var lines = await app.InTenantAsync(null, db => db.SearchChanges.ToListAsync());
        Assert.Contains(lines, l => l.ContentType == CaseWorkflow.ContentType && l.ContentId == id);
    }

    [Fact]
    public async Task Rebuild_replaces_the_index_from_the_database()
    {
        await using var app = await StartAsync();
        var id = await app.AddCaseAsync(new CaseSpec("chiba", "協働の事例"));
        await app.WaitForIndexAsync();
        var index = app.Services.GetRequiredService<SearchIndex>();
        var reports = new List<(int Done, int Total)>();
        await index.RebuildAsync(new Progress(reports), CancellationToken.None);
        // Every source is rebuilt: the case's two documents (case search, site search) and the setup recipe's pages and forums.
        var total = await app.InTenantAsync(null, async db =>
        {
            var n = 0;
            foreach (var source in index.Sources)
                n += await source.CountAsync(db, CancellationToken.None);
            return n;
        });
        Assert.Equal(7, index.Sources.Count);
        Assert.True(total > 2, $"{total} documents");
        Assert.Equal((total, total), reports[^1]);
        Assert.Equal(total, index.DocumentCount);
        Assert.Equal([id], await app.FindAsync(Word));
    }

    private sealed class Progress(List<(int, int)> reports) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => reports.Add(value);
    }
}

public sealed class IndexFollowTests_Sqlite() : IndexFollowTests(DatabaseProvider.Sqlite);

public sealed class IndexFollowTests_PostgreSql() : IndexFollowTests(DatabaseProvider.PostgreSql);
