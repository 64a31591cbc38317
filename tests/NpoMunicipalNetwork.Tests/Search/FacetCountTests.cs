using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Search.Cases;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Search;

/// <summary>
/// The search's result sets and facet counts equal what the database says for the same query
/// (<see cref="PublishedCases.Filter"/> plus a substring test for the words), over a generated set of
/// cases with drafts and a disabled site's cases mixed in, for many random filter combinations.
/// </summary>
public abstract class FacetCountTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly string[] Words = ["協働", "福祉", "子育て", "まちづくり", "環境"];
    private static readonly string[] Filler = ["地域の拠点づくり", "市民活動の推進", "担い手の育成", "情報発信の強化", "講座の開催"];

    /// <param name="textMatchCacheEntries">
    /// Null: the default text-match cache, where a text's first search filters as the postings are read
    /// and a repeat reads the kept matches (each query runs twice and both must agree); "0": no cache.
    /// </param>
    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    public async Task Facet_counts_and_results_equal_database_counts_for_random_filter_combinations(string? textMatchCacheEntries)
    {
        await using var app = await StartAsync(settings: textMatchCacheEntries is null ? null
            : new Dictionary<string, string?> { ["Search:TextMatchCacheEntries"] = textMatchCacheEntries });
        var sites = await app.CreateMemberSitesAsync();
        var vocabulary = await app.InTenantAsync(null, db => CaseVocabulary.LoadAsync(db, CancellationToken.None));
        var random = new Random(20261129);
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string[] Some(IReadOnlyList<string> items, int min, int max) =>
            items.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1)).ToArray();

        for (var i = 0; i < 70; i++)
        {
            var start = random.Next(1990, 2025);
            await app.AddCaseAsync(new CaseSpec(Pick(sites), $"{Pick(Filler)}{(random.Next(3) == 0 ? Pick(Words) : "")}の事例{i}")
            {
                Summary = $"{Pick(Filler)}。{(random.Next(2) == 0 ? Pick(Words) : "")}",
                Body = random.Next(3) == 0 ? $"NPO と{Pick(Words)}の取組" : "取組の詳細",
                Type = Pick(RelationshipTypeNames.All),
                Fields = Some(vocabulary.Fields.Select(f => f.Code).ToList(), 1, 3),
                Methods = Some(vocabulary.Methods.Select(m => m.Code).ToList(), 0, 2),
                Start = start,
                End = random.Next(3) == 0 ? null : start + random.Next(0, 6),
                Attachment = random.Next(3) == 0,
                Published = random.Next(8) != 0, // some drafts
                PublishedUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i),
            });
        }
        // A disabled site's cases must count nowhere.
        var disabled = sites[0];
        await app.InTenantAsync(null, async db =>
        {
            var t = await db.Tenants.SingleAsync(x => x.Name == disabled);
            t.Status = TenantStatus.Disabled;
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TenantCatalog>().Invalidate();
        await app.WaitForIndexAsync();

        var fieldCodes = vocabulary.Fields.Select(f => f.Code).ToList();
        var methodCodes = vocabulary.Methods.Select(m => m.Code).ToList();
        var kinds = Enum.GetValues<GovernmentKind>();
        var prefectures = new[] { "01", "12", "13", "14" };
        var checkedCombos = 0;
        var nonEmpty = 0;
        // The generated set exercises what must be left out: drafts and a disabled site's published cases exist.
        Assert.True(await app.InTenantAsync(null, db => db.PolicyCases.IgnoreQueryFilters().AnyAsync(c => !c.IsPublished)));
        Assert.True(await app.InTenantAsync(null, db => db.PolicyCases.IgnoreQueryFilters().AnyAsync(c => c.IsPublished && db.Tenants.Any(t => t.Id == c.TenantId && t.Name == disabled))));
        for (var n = 0; n < 24; n++)
        {
            var from = random.Next(3) == 0 ? random.Next(1990, 2020) : (int?)null;
            var q = new CaseQuery
            {
                Text = random.Next(3) == 0 ? Pick(Words) : null,
                Fields = random.Next(2) == 0 ? Some(fieldCodes, 1, 3) : [],
                Types = random.Next(3) == 0 ? [Pick(RelationshipTypeNames.All)] : [],
                Methods = random.Next(3) == 0 ? Some(methodCodes, 1, 2) : [],
                Prefectures = random.Next(4) == 0 ? Some(prefectures, 1, 2) : [],
                Kinds = random.Next(4) == 0 ? [Pick(kinds), Pick(kinds)] : [],
                FromYear = from,
                ToYear = random.Next(3) == 0 ? (from ?? 1990) + random.Next(0, 15) : null,
                HasAttachments = random.Next(4) == 0,
            };
            q = q with { Kinds = q.Kinds.Distinct().ToList() };

            var result = await app.InTenantAsync(null, db =>
                app.Services.GetRequiredService<CaseSearch>().RunAsync(q, vocabulary, 0, 10_000, CancellationToken.None));
            var again = await app.InTenantAsync(null, db =>
                app.Services.GetRequiredService<CaseSearch>().RunAsync(q, vocabulary, 0, 10_000, CancellationToken.None));
            Assert.Equal(result.Ids, again.Ids); // same order too
            Assert.Equal(result.Total, again.Total);
            Assert.Equal(result.Facets.Fields, again.Facets.Fields);
            Assert.Equal(result.Facets.Methods, again.Facets.Methods);
            Assert.Equal(result.Facets.DecadeCounts, again.Facets.DecadeCounts);
            var expectedIds = await DbIdsAsync(app, q);
            Assert.Equal(expectedIds.Order(), result.Ids.Order());
            Assert.Equal(expectedIds.Count, result.Total);

            var mismatches = new List<string>();
            async Task Check(string label, int actual, CaseQuery variant)
            {
                var expected = (await DbIdsAsync(app, variant)).Count;
                if (expected != actual)
                    mismatches.Add($"{label}: search {actual}, database {expected}");
            }
            foreach (var f in vocabulary.Fields)
                await Check($"field {f.Code}", At(result.Facets.Fields, f.Id), q with { Fields = [f.Code] });
            foreach (var m in vocabulary.Methods)
                await Check($"method {m.Code}", At(result.Facets.Methods, m.Id), q with { Methods = [m.Code] });
            foreach (var t in RelationshipTypeNames.All)
                await Check($"type {t}", result.Facets.Types[(int)t], q with { Types = [t] });
            foreach (var p in prefectures)
                await Check($"pref {p}", result.Facets.Prefectures[int.Parse(p)], q with { Prefectures = [p] });
            foreach (var k in kinds)
                await Check($"kind {k}", result.Facets.Kinds[(int)k], q with { Kinds = [k] });
            for (var d = 0; d < result.Facets.Decades.Count; d++)
                await Check($"decade {result.Facets.Decades[d]}", result.Facets.DecadeCounts[d],
                    q with { FromYear = result.Facets.Decades[d], ToYear = result.Facets.Decades[d] + 9 });
            await Check("attachments", result.Facets.WithAttachments, q with { HasAttachments = true });
            Assert.True(mismatches.Count == 0, $"{q.ToQueryString()}:{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");
            checkedCombos++;
            if (result.Total > 0)
                nonEmpty++;
        }
        Assert.Equal(24, checkedCombos);
        Assert.True(nonEmpty >= 8, $"only {nonEmpty} combinations found anything; the check proves little");
    }

    private static int At(int[] counts, int i) => i < counts.Length ? counts[i] : 0;

    /// <summary>The database's answer: the filters by <see cref="PublishedCases.Filter"/>, a word as a substring of title, summary, body or partner.</summary>
    private static Task<List<int>> DbIdsAsync(TestApp app, CaseQuery q) => app.InTenantAsync(null, async db =>
    {
        var cases = PublishedCases.Filter(db, q);
        if (q.Text is { } t)
            cases = cases.Where(c => c.Title.Contains(t) || c.Summary.Contains(t) || c.Activities.Contains(t) || c.Partners.Any(p => p.Name.Contains(t)));
        return await cases.Select(c => c.Id).ToListAsync();
    });
}

public sealed class FacetCountTests_Sqlite() : FacetCountTests(DatabaseProvider.Sqlite);

public sealed class FacetCountTests_PostgreSql() : FacetCountTests(DatabaseProvider.PostgreSql);
