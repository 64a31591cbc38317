using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Cases;

/// <summary>Cases made the way the workflow makes them, uploads the way a browser sends them, and the counts that prove nothing was written.</summary>
public static partial class CaseTestHelpers
{
    public static CaseContent Content(string title, RelationshipType type = RelationshipType.Collaboration, params string[] fields) => new()
    {
        Title = title, Summary = $"{title}の概要", Activities = $"{title}の取組内容", StartFiscalYear = 2005, EndFiscalYear = 2007,
        RelationshipType = type, FieldCodes = fields.Length == 0 ? ["welfare"] : fields,
        MethodCodes = type == RelationshipType.Outsourcing ? ["commission"] : type == RelationshipType.Support ? ["advice"] : ["project-cooperation"],
        Partners = [new CasePartner("NPO法人テスト", "8999900000001")], Budgets = [new CaseBudget(2005, 1_000_000), new CaseBudget(2006, 1_200_000)],
        Links = [new CaseLink("紹介", "https://example.jp/a")],
    };

    /// <summary>Saves a case in <paramref name="tenantName"/> as a revision; publishes it unless <paramref name="publish"/> is false.</summary>
    public static async Task<int> CreateCaseAsync(this TestApp app, string tenantName, CaseContent content, bool publish = true)
    {
        using var scope = app.Services.CreateScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByNameAsync(tenantName) ?? throw new InvalidOperationException(tenantName);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
        var item = new PolicyCase();
        await workflow.SaveRevisionAsync(item, new CaseContentWorkflowType().NewRevision(content, new Actor(0, "テスト"), "テスト"), null, null, default);
        if (publish)
            await workflow.PublishDirectlyAsync(item, default);
        await db.SaveChangesAsync();
        return item.Id;
    }

    /// <summary>Every case row and every revision of the whole database: what an import that imports nothing leaves unchanged.</summary>
    public static Task<(int Cases, int Revisions, int Partners, int Budgets)> CountsAsync(this TestApp app) =>
        app.InTenantAsync(null, async db => (
            await db.PolicyCases.IgnoreQueryFilters().CountAsync(),
            await db.ContentRevisions.IgnoreQueryFilters().CountAsync(r => r.ContentType == CaseWorkflow.ContentType),
            await db.Set<PolicyCasePartner>().CountAsync(),
            await db.Set<PolicyCaseBudget>().CountAsync()));

    /// <summary>Posts a file to the import form with the page's antiforgery token; returns the response (302 to the status page on acceptance).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string prefix, byte[] data, string fileName, bool publish = false)
    {
        var page = await client.GetAsync($"{prefix}/admin/cases/import");
        var doc = await TestApp.ParseAsync(page);
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No import form ({page.StatusCode})");
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(data), "file", fileName },
        };
        if (publish)
            content.Add(new StringContent("1"), "publish");
        return await client.PostAsync($"{prefix}/admin/cases/import", content);
    }

    /// <summary>Uploads and follows the status page until the report is there (the page stops refreshing itself).</summary>
    public static async Task<IHtmlDocument> ImportAsync(this HttpClient client, string prefix, byte[] data, string fileName, bool publish = false)
    {
        var response = await client.UploadAsync(prefix, data, fileName, publish);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var status = response.Headers.Location!.OriginalString;
        Assert.Matches(StatusPath(), status);
        // Generous: the deadline only ends a wait that would never end; it is no speed requirement.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var page = await client.GetAsync(status);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var doc = await TestApp.ParseAsync(page);
            if (doc.QuerySelector("meta[http-equiv=refresh]") is null)
                return doc;
            Assert.NotNull(doc.QuerySelector("progress"));
            await Task.Delay(100);
        }
        throw new TimeoutException("The import had not finished after two minutes.");
    }

    /// <summary>The report's problems as "row|column|message" lines.</summary>
    public static IReadOnlyList<string> Problems(IHtmlDocument doc) =>
        doc.QuerySelectorAll("table tbody tr").Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent.Trim()))).ToList();

    [GeneratedRegex("/admin/cases/import/[0-9a-f-]{36}$")]
    private static partial Regex StatusPath();
}
