using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Cases.Exchange;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Cases;

/// <summary><c>/cases/export.*</c> and <c>/cases/codebook*</c> on the hub: formats, columns, published data only, bad queries.</summary>
public abstract class CaseExportTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private sealed record World(TestApp App, int Published, int Staged, string DraftTitle, string StagedTitle);

    /// <summary>The setup recipe's sample cases, plus on 佐賀県: a published case, a draft, and a live case with an unpublished working copy.</summary>
    private async Task<World> BuildAsync()
    {
        var app = await StartAsync(settings: new Dictionary<string, string?> { ["Database:SampleRecipe"] = "sample-cases.recipe.json" }); // the tests read the sample cases too
        var published = await app.CreateCaseAsync("saga", CaseTestHelpers.Content("書き出し試験の事例") with
        {
            Summary = "=1+1 のように数式に見える概要",
            Partners = [new CasePartner("NPO法人テスト", "8999900000001"), new CasePartner("任意団体", null)],
        });
        await app.CreateCaseAsync("saga", CaseTestHelpers.Content("下書きのままの事例"), publish: false);
        var staged = await app.CreateCaseAsync("saga", CaseTestHelpers.Content("公開中の題名"));
        await app.InTenantAsync("saga", async db =>
        {
            var workflow = ActivatorUtilities.CreateInstance<CaseWorkflow>(app.Services.CreateScope().ServiceProvider, db);
            var item = await CaseWorkflow.WithChildren(db.PolicyCases).SingleAsync(c => c.Id == staged);
            await workflow.SaveRevisionAsync(item, new CaseContentWorkflowType().NewRevision(CaseContent.From(item) with { Title = "差し替え中の題名" }, new Actor(0, "テスト"), ""), null, null, default);
            await db.SaveChangesAsync();
        });
        await NpoMunicipalNetwork.Tests.Search.CaseSeed.WaitForIndexAsync(app); // exports read the search index
        return new World(app, published, staged, "下書きのままの事例", "差し替え中の題名");
    }

    private static Task<int> PublishedCountAsync(TestApp app, string? tenant = null) =>
        app.InTenantAsync(null, db => PublishedCases.All(db).CountAsync(c => tenant == null || db.Tenants.Any(t => t.Id == c.TenantId && t.Name == tenant)));

    [Fact]
    public async Task Csv_has_a_bom_crlf_every_column_and_only_published_cases()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var response = await w.App.CreateClientFor().GetAsync("/cases/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain(w.DraftTitle, text);
        Assert.DoesNotContain(w.StagedTitle, text);

        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(csv.Parser.Record!);
        Assert.Equal(CaseColumns.Labels, rows[0]);
        Assert.Equal(await PublishedCountAsync(w.App), rows.Count - 1);
        var row = rows.Single(r => r[0] == w.Published.ToString());
        string Cell(CaseColumn c) => row[CaseColumns.All.ToList().IndexOf(c)];
        Assert.Equal("書き出し試験の事例", Cell(CaseColumns.Title));
        Assert.Equal("'=1+1 のように数式に見える概要", Cell(CaseColumns.Summary)); // Excel must not run it
        Assert.Equal("410004", Cell(CaseColumns.MemberCode));
        Assert.Equal("佐賀県", Cell(CaseColumns.MemberName));
        Assert.Equal("佐賀県", Cell(CaseColumns.Prefecture));
        Assert.Equal("協働", Cell(CaseColumns.RelationshipType));
        Assert.Equal("welfare", Cell(CaseColumns.Fields));
        Assert.Equal("NPO法人テスト|8999900000001\r\n任意団体", Cell(CaseColumns.Partners));
        Assert.Equal("2005:1000000\r\n2006:1200000", Cell(CaseColumns.Budgets));
        Assert.Equal("2005", Cell(CaseColumns.StartFiscalYear));
        Assert.Equal("2007", Cell(CaseColumns.EndFiscalYear));
        Assert.EndsWith($"/saga/cases/{w.Published}", Cell(CaseColumns.Url));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Cell(CaseColumns.PublishedDate));
        Assert.Equal("", Cell(CaseColumns.Sample));
        var sampleIndex = CaseColumns.All.ToList().IndexOf(CaseColumns.Sample);
        Assert.Equal("見本", rows.Single(r => r[4] == "協働事業提案制度「パートナーシップ提案の場」")[sampleIndex]); // sample data says so in the file too
        Assert.Contains(rows, r => r[0] == w.Staged.ToString() && r[CaseColumns.All.ToList().IndexOf(CaseColumns.Title)] == "公開中の題名");
    }

    [Fact]
    public async Task Xlsx_opens_with_the_same_header_and_cells_as_text()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var response = await w.App.CreateClientFor().GetAsync("/cases/export.xlsx?pref=41");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Spreadsheet.XlsxType, response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("事例", stream.GetSheetNames().First());
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList();
        Assert.Equal(CaseColumns.Labels, rows[0]);
        Assert.Equal(await PublishedCountAsync(w.App, "saga"), rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal("410004", r[1]));
        var row = rows.Single(r => r[0] == w.Published.ToString());
        Assert.Equal("=1+1 のように数式に見える概要", row[5]); // a text cell, never a formula, so no escape
        Assert.DoesNotContain(rows, r => r.Contains(w.DraftTitle) || r.Contains(w.StagedTitle));
    }

    [Fact]
    public async Task Json_parses_with_arrays_and_codes_and_follows_the_filters()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var response = await w.App.CreateClientFor().GetAsync("/cases/export.json?pref=41&type=collaboration&sort=fiscal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(w.DraftTitle, text);
        Assert.DoesNotContain(w.StagedTitle, text);
        using var json = JsonDocument.Parse(text);
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToList();
        var expected = await w.App.InTenantAsync(null, db => PublishedCases.All(db)
            .CountAsync(c => c.RelationshipType == RelationshipType.Collaboration && db.Tenants.Any(t => t.Id == c.TenantId && t.Name == "saga")));
        Assert.Equal(expected, cases.Count);
        Assert.Equal(expected, json.RootElement.GetProperty("count").GetInt32());
        Assert.All(cases, c => Assert.Equal("collaboration", c.GetProperty("relationshipType").GetString()));
        var years = cases.Select(c => c.GetProperty("startFiscalYear").GetInt32()).ToList();
        Assert.Equal(years.OrderDescending(), years);
        var mine = cases.Single(c => c.GetProperty("id").GetInt32() == w.Published);
        Assert.Equal("welfare", mine.GetProperty("fields")[0].GetString());
        Assert.Equal("8999900000001", mine.GetProperty("partners")[0].GetProperty("corporateNumber").GetString());
        Assert.Equal(1_200_000, mine.GetProperty("budgets")[1].GetProperty("amountYen").GetInt64());
    }

    [Fact]
    public async Task A_bad_query_is_a_400_in_japanese_and_member_sites_have_no_export()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var client = w.App.CreateClientFor();
        foreach (var url in new[] { "/cases/export.csv?field=nonexistent", "/cases/export.xlsx?from=abc", "/cases/export.json?sort=random" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("入力内容に誤りがあります", await response.Content.ReadAsStringAsync());
        }
        Assert.Contains("政策分野「nonexistent」はありません", await (await client.GetAsync("/cases/export.csv?field=nonexistent")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/saga/cases/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/saga/cases/codebook")).StatusCode);
    }

    [Fact]
    public async Task Codebook_documents_every_column_and_the_vocabulary_from_the_database()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var (response, doc) = await w.App.GetPageAsync("/cases/codebook");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        var headers = doc.QuerySelectorAll("table")[0].QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(CaseColumns.Labels, headers);
        Assert.All(doc.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("caption")));
        var text = doc.Body!.TextContent;
        var vocabulary = await w.App.InTenantAsync(null, db => CaseVocabulary.LoadAsync(db, default));
        Assert.All(vocabulary.Fields, f => Assert.Contains(f.Code, text));
        Assert.All(vocabulary.Methods, m => Assert.Contains(m.Name, text));
        Assert.Contains("協働（コラボレーション）", text);
        Assert.Contains("外部委託（アウトソーシング）", text);

        using var xlsx = new MemoryStream(await w.App.CreateClientFor().GetByteArrayAsync("/cases/codebook.xlsx"));
        Assert.Equal(["項目", "語彙"], xlsx.GetSheetNames());
        var json = JsonDocument.Parse(await w.App.CreateClientFor().GetStringAsync("/cases/codebook.json"));
        Assert.Equal(CaseColumns.All.Count, json.RootElement.GetProperty("columns").GetArrayLength());
        var csv = await w.App.CreateClientFor().GetByteArrayAsync("/cases/codebook.csv");
        Assert.Equal(0xEF, csv[0]);
    }
}

public sealed class CaseExportTests_Sqlite() : CaseExportTests(DatabaseProvider.Sqlite);

public sealed class CaseExportTests_PostgreSql() : CaseExportTests(DatabaseProvider.PostgreSql);
