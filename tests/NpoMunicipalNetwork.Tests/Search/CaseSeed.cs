using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Files;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Search;

/// <summary>A case as a test wants it; written straight into the live columns inside its site's unit of work.</summary>
public sealed record CaseSpec(string Tenant, string Title)
{
    public string Summary { get; init; } = "概要";
    public string Body { get; init; } = "";
    public RelationshipType Type { get; init; } = RelationshipType.Collaboration;
    public string[] Fields { get; init; } = [];
    public string[] Methods { get; init; } = [];
    public string[] Partners { get; init; } = [];
    public int Start { get; init; } = 2010;
    public int? End { get; init; }
    public bool Attachment { get; init; }
    public bool Published { get; init; } = true;
    public DateTime PublishedUtc { get; init; } = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
}

public static class CaseSeed
{
    /// <summary>Member sites of every kind: name → (member code, kind), beside the setup recipe's 千葉県 (prefecture) and 横浜市 (designated city).</summary>
    public static readonly (string Code, string DisplayName)[] ExtraMembers =
    [
        ("122041", "船橋市"), ("123226", "酒々井町"), ("131121", "世田谷区"), ("133078", "檜原村"),
    ];

    /// <summary>Creates sites for <see cref="ExtraMembers"/>; returns their names, then "chiba" and "yokohama".</summary>
    public static async Task<IReadOnlyList<string>> CreateMemberSitesAsync(this TestApp app)
    {
        var names = ExtraMembers.Select(_ => TestApp.NewTenantName("m")).ToList();
        var tenants = string.Join(",", ExtraMembers.Select((m, i) => $$"""{ "name": "{{names[i]}}", "displayName": "{{m.DisplayName}}", "memberCode": "{{m.Code}}" }"""));
        await app.ApplyRecipeAsync($$"""{ "name": "sites", "steps": [ { "name": "Tenants", "tenants": [ {{tenants}} ] } ] }""");
        return [.. names, "chiba", "yokohama"];
    }

    public static Task<int> AddCaseAsync(this TestApp app, CaseSpec spec) => app.InTenantAsync(spec.Tenant, async db =>
    {
        var fields = await db.PolicyFields.ToListAsync();
        var methods = await db.PolicyMethods.ToListAsync();
        var c = new PolicyCase
        {
            Title = spec.Title, Summary = spec.Summary, Activities = spec.Body,
            StartFiscalYear = spec.Start, EndFiscalYear = spec.End, RelationshipType = spec.Type,
            Fields = spec.Fields.Select(code => new PolicyCaseField { PolicyFieldId = fields.Single(f => f.Code == code).Id }).ToList(),
            Methods = spec.Methods.Select(code => new PolicyCaseMethod { PolicyMethodId = methods.Single(m => m.Code == code).Id }).ToList(),
            Partners = spec.Partners.Select((p, i) => new PolicyCasePartner { Name = p, Order = i }).ToList(),
            IsPublished = spec.Published, WorkflowState = spec.Published ? WorkflowState.None : WorkflowState.Draft,
            PublishedUtc = spec.Published ? spec.PublishedUtc : null, CreatedUtc = spec.PublishedUtc, UpdatedUtc = spec.PublishedUtc,
        };
        if (spec.Attachment)
            c.Attachments.Add(new PolicyCaseAttachment
            {
                Title = "資料",
                File = new StoredFile
                {
                    FileName = "shiryo.pdf", ContentType = "application/pdf", Kind = FileKind.Pdf, Length = 5, Sha256 = "x",
                    CreatedUtc = spec.PublishedUtc, Content = new StoredFileContent { Data = "%PDF-"u8.ToArray() },
                },
            });
        db.PolicyCases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    /// <summary>
    /// Waits until this instance's index is ready and has applied every change-log line written so far.
    /// The deadline (<paramref name="seconds"/>) is generous on purpose: it only stops a wait that would
    /// never end, on a machine as slow as a busy CI runner; it is no speed requirement.
    /// </summary>
    public static async Task WaitForIndexAsync(this TestApp app, double seconds = 60)
    {
        var index = app.Services.GetRequiredService<SearchIndex>();
        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        var last = await app.InTenantAsync<long>(null, async db => await db.SearchChanges.MaxAsync(c => (long?)c.Id) ?? 0);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!(indexer.Ready && index.Cursor >= last))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The search index did not catch up with change {last} (at {index.Cursor}).");
            await Task.Delay(20);
        }
    }

    /// <summary>Runs <paramref name="work"/> with the services of a unit of work belonging to <paramref name="tenant"/>.</summary>
    public static async Task<T> InScopeAsync<T>(this TestApp app, string tenant, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var site = await scope.ServiceProvider.GetRequiredService<NpoMunicipalNetwork.Tenants.TenantCatalog>().FindByNameAsync(tenant)
            ?? throw new InvalidOperationException($"No tenant {tenant}");
        scope.ServiceProvider.GetRequiredService<NpoMunicipalNetwork.Tenants.TenantContext>().Set(site);
        return await work(scope.ServiceProvider);
    }

    public static async Task<IReadOnlyList<int>> FindAsync(this TestApp app, CaseQuery q, int max = 10_000)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ICaseFinder>().FindIdsAsync(q, max, CancellationToken.None);
    }
}
