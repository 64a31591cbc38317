using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Cases.Exchange;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Cases;

/// <summary>
/// <c>/admin/cases/import</c>: templates, every kind of bad file (with the report naming row, column and
/// problem, and nothing written), encodings, all-or-nothing, tenant isolation, and export → import round trips.
/// </summary>
public abstract class CaseImportTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private sealed record World(TestApp App, HttpClient Chiba, HttpClient Yokohama);

    private async Task<World> BuildAsync()
    {
        var app = await StartAsync(settings: new Dictionary<string, string?> { ["Database:SampleRecipe"] = "sample-cases.recipe.json" }); // the tests read the sample cases too
        await app.CreateUserAsync("chiba", "admin@chiba.example.jp", [Roles.SiteAdministrator]);
        await app.CreateUserAsync("yokohama", "editor@yokohama.example.jp", [Roles.SiteAdministrator]);
        return new World(app, await app.SignedInAsync("admin@chiba.example.jp", "/chiba"), await app.SignedInAsync("editor@yokohama.example.jp", "/yokohama"));
    }

    /// <summary>A complete, valid row for a new case; tests change one cell to make it wrong.</summary>
    private static Dictionary<string, string> GoodRow(string title = "一括登録の試験事例") => new()
    {
        ["事例名"] = title, ["概要"] = "試験のための概要です。", ["取組内容"] = "試験の取組内容です。", ["開始年度"] = "2006", ["終了年度"] = "",
        ["関係区分"] = "協働", ["政策分野"] = "福祉;community", ["手法"] = "project-cooperation",
        ["協働・支援の相手"] = "NPO法人テスト|8999900000001\nボランティアの会", ["予算額"] = "2006:500000\n2007年度：１，０００，０００円",
        ["関連リンク"] = "紹介ページ|https://example.jp/test",
    };

    private static string CsvText(IEnumerable<string> header, params Dictionary<string, string>[] rows)
    {
        var writer = new StringWriter();
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            var labels = header.ToList();
            foreach (var h in labels)
                csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var h in labels)
                    csv.WriteField(row.GetValueOrDefault(h, "").Replace("\n", "\r\n")); // line breaks inside a cell, quoted as Excel does
                csv.NextRecord();
            }
        }
        return writer.ToString();
    }

    private static byte[] Utf8Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    private static byte[] Csv(params Dictionary<string, string>[] rows) => Utf8Bom(CsvText(CaseColumns.Labels, rows));

    /// <summary>Imports a file that must fail; asserts the problem is reported and nothing was written.</summary>
    private static async Task<IReadOnlyList<string>> RefusedAsync(World w, byte[] file, string fileName = "cases.csv")
    {
        var before = await w.App.CountsAsync();
        var doc = await w.Chiba.ImportAsync("/chiba", file, fileName);
        Assert.Contains("何も登録していません", doc.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(before, await w.App.CountsAsync());
        return CaseTestHelpers.Problems(doc);
    }

    [Fact]
    public async Task Templates_carry_the_export_header_and_the_vocabulary()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var xlsx = await w.Chiba.GetAsync("/chiba/admin/cases/import/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["事例", "語彙"], stream.GetSheetNames());
        stream.Position = 0;
        var header = stream.Query(useHeaderRow: false, sheetName: "事例", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().First();
        Assert.Equal(CaseColumns.Labels, header.Values.Select(v => v?.ToString()));
        stream.Position = 0;
        var vocabulary = stream.Query(useHeaderRow: true, sheetName: "語彙", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(vocabulary, r => (string?)r["コード"] == "proposal-program" && (string?)r["名称"] == "協働事業提案制度");
        Assert.Contains(vocabulary, r => (string?)r["種類"] == "関係区分" && (string?)r["名称"] == "外部委託");

        var csv = await w.Chiba.GetByteArrayAsync("/chiba/admin/cases/import/template.csv");
        Assert.Equal(Utf8Bom(string.Join(",", CaseColumns.Labels) + "\r\n"), csv);
        var form = await (await w.Chiba.GetAsync("/chiba/admin/cases/import")).DocumentAsync();
        Assert.Equal("multipart/form-data", form.QuerySelector("form[enctype]")!.GetAttribute("enctype"));
        Assert.NotNull(form.QuerySelector("label[for=field-file]"));
    }

    [Fact]
    public async Task A_good_file_creates_drafts_through_the_workflow_and_audits_them()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var before = await w.App.CountsAsync();
        var doc = await w.Chiba.ImportAsync("/chiba", Csv(GoodRow("新規1"), GoodRow("新規2")), "cases.csv");
        Assert.True(doc.Body!.TextContent.Contains("新しく登録した事例: 2件"), System.Text.RegularExpressions.Regex.Replace(doc.QuerySelector("main")?.TextContent ?? doc.Body!.TextContent, @"\s+", " "));
        var after = await w.App.CountsAsync();
        Assert.Equal(before.Cases + 2, after.Cases);
        Assert.Equal(before.Revisions + 2, after.Revisions);
        var created = await w.App.InTenantAsync("chiba", db => CaseWorkflow.WithChildren(db.PolicyCases).SingleAsync(c => c.Title == "新規1"));
        Assert.False(created.IsPublished);
        Assert.NotNull(created.WorkingRevisionId);
        Assert.Equal(["community", "welfare"], created.Fields.Select(f => f.Field!.Code).Order());
        Assert.Equal([500_000L, 1_000_000L], created.Budgets.OrderBy(b => b.FiscalYear).Select(b => b.AmountYen));
        Assert.Equal("8999900000001", created.Partners.OrderBy(p => p.Order).First().CorporateNumber);
        Assert.Null(created.EndFiscalYear);
        var audited = await w.App.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.TargetType == AuditTargetTypes.PolicyCase && e.Action == AuditAction.Create));
        Assert.Equal(2, audited);
        await NpoMunicipalNetwork.Tests.Search.CaseSeed.WaitForIndexAsync(w.App); // exports read the search index, which follows saves shortly after
        Assert.DoesNotContain("新規1", await w.App.CreateClientFor().GetStringAsync("/cases/export.csv"));
    }

    [Fact]
    public async Task Publishing_at_once_is_offered_only_without_approval_and_then_works()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        Assert.Null((await (await w.Chiba.GetAsync("/chiba/admin/cases/import")).DocumentAsync()).QuerySelector("#field-publish"));
        await w.App.PublishWithoutApprovalAsync("chiba");
        var chiba = await w.App.SignedInAsync("admin@chiba.example.jp", "/chiba");
        Assert.NotNull((await (await chiba.GetAsync("/chiba/admin/cases/import")).DocumentAsync()).QuerySelector("#field-publish"));
        var doc = await chiba.ImportAsync("/chiba", Csv(GoodRow("すぐ公開")), "cases.csv", publish: true);
        Assert.Contains("公開した事例: 1件", doc.Body!.TextContent);
        await NpoMunicipalNetwork.Tests.Search.CaseSeed.WaitForIndexAsync(w.App); // exports read the search index, which follows saves shortly after
        Assert.Contains("すぐ公開", await w.App.CreateClientFor().GetStringAsync("/cases/export.csv"));
    }

    [Fact]
    public async Task Wrong_or_missing_columns_are_named_and_nothing_is_written()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var header = CaseColumns.Labels.Select(l => l == "事例名" ? "タイトル" : l).Where(l => l != "予算額");
        var problems = await RefusedAsync(w, Utf8Bom(CsvText(header, GoodRow())));
        Assert.Contains(problems, p => p.StartsWith("ファイル全体|タイトル|列「タイトル」はテンプレートにない列です"));
        Assert.Contains(problems, p => p.StartsWith("ファイル全体|事例名|列「事例名」がありません"));
        Assert.Contains(problems, p => p.StartsWith("ファイル全体|予算額|列「予算額」がありません"));
    }

    [Theory]
    [InlineData("政策分野", "宇宙開発", "政策分野", "政策分野「宇宙開発」は登録されていません")]
    [InlineData("手法", "designated-manager", "手法", "手法「指定管理」は関係区分「協働」では使えません")]
    [InlineData("関係区分", "提携", "関係区分", "関係区分「提携」はありません")]
    [InlineData("協働・支援の相手", "NPO法人A|1234567890123", "協働・支援の相手", "法人番号「1234567890123」が正しくありません")]
    [InlineData("予算額", "2006:-1000", "予算額", "2006年度の予算額がマイナスです")]
    [InlineData("予算額", "二千六年度に百万円", "予算額", "「2005:1200000」（年度:円）の形で")]
    [InlineData("開始年度", "平成十八年", "開始年度", "開始年度「平成十八年」は整数で入力してください")]
    [InlineData("開始年度", "1980", "開始年度", "開始年度は 1990〜")]
    [InlineData("団体コード", "120005", "団体コード", "検査数字（6桁目）が正しくありません")]
    [InlineData("団体コード", "141003", "団体コード", "このサイトの団体（千葉県、120006）のものではありません")]
    [InlineData("事例名", "", "事例名", "事例名を入力してください")]
    [InlineData("ID", "999999", "ID", "ID 999999 の事例はこのサイトにありません")]
    [InlineData("参考にした事例", "999999", "参考にした事例", "参考にした事例のID 999999 は、公開中の事例にもこのサイトの事例にもありません")]
    public async Task A_bad_cell_is_reported_with_row_column_and_problem_and_nothing_is_written(string column, string value, string reportedColumn, string message)
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var bad = GoodRow("誤りのある行");
        bad[column] = value;
        // A good row first: all or nothing means it is not imported either.
        var problems = await RefusedAsync(w, Csv(GoodRow("正しい行"), bad));
        Assert.Contains(problems, p => p.StartsWith($"3行目|{reportedColumn}|") && p.Contains(message));
        Assert.DoesNotContain(problems, p => p.StartsWith("2行目|"));
        Assert.Equal(0, await w.App.InTenantAsync("chiba", db => db.PolicyCases.CountAsync(c => c.Title == "正しい行")));
    }

    [Fact]
    public async Task A_file_over_10_mb_is_refused_with_413_before_anything_is_read()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var before = await w.App.CountsAsync();
        var big = new byte[CaseImportEndpoints.MaxBytes + 1024];
        Csv(GoodRow()).CopyTo(big, 0);
        var response = await w.Chiba.UploadAsync("/chiba", big, "big.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var doc = await response.DocumentAsync();
        Assert.Contains("ファイルが大きすぎます。10 MB以下にしてください", doc.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("true", doc.QuerySelector("#field-file")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await w.App.CountsAsync());
    }

    [Fact]
    public async Task Bytes_in_no_known_encoding_are_refused_with_how_to_save_as_utf8()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        // Valid as neither UTF-8 nor Shift_JIS (0x81 0x20 is a lead byte without a trail byte).
        var bytes = Encoding.ASCII.GetBytes(string.Join(",", CaseColumns.Labels.Select((_, i) => $"c{i}")) + "\r\n").Concat(new byte[] { 0x81, 0x20, 0xFF, 0x0D, 0x0A }).ToArray();
        var problems = await RefusedAsync(w, bytes);
        Assert.Contains(problems, p => p.StartsWith("ファイル全体|ファイル|") && p.Contains("「CSV UTF-8（コンマ区切り）」を選んで保存し直して"));
    }

    [Fact]
    public async Task Shift_jis_and_utf8_without_bom_are_read_correctly()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = CsvText(CaseColumns.Labels, GoodRow("シフトJISで保存した事例（髙橋・①は使わない）"));
        var sjis = Encoding.GetEncoding(932).GetBytes(text);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(sjis)); // really not UTF-8
        var doc = await w.Chiba.ImportAsync("/chiba", sjis, "excel.csv");
        Assert.Contains("新しく登録した事例: 1件", doc.Body!.TextContent);
        doc = await w.Chiba.ImportAsync("/chiba", Encoding.UTF8.GetBytes(CsvText(CaseColumns.Labels, GoodRow("BOMなしのUTF-8"))), "plain.csv");
        Assert.Contains("新しく登録した事例: 1件", doc.Body!.TextContent);
        var titles = await w.App.InTenantAsync("chiba", db => db.PolicyCases.Select(c => c.Title).ToListAsync());
        Assert.Contains("シフトJISで保存した事例（髙橋・①は使わない）", titles);
        Assert.Contains("BOMなしのUTF-8", titles);
        var partner = await w.App.InTenantAsync("chiba", db => db.PolicyCases.Where(c => c.Title.StartsWith("シフトJIS")).SelectMany(c => c.Partners).OrderBy(p => p.Order).Select(p => p.Name).FirstAsync());
        Assert.Equal("NPO法人テスト", partner);
    }

    [Fact]
    public async Task An_editor_of_another_site_cannot_change_a_case_by_its_id()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var chibaCase = await w.App.CreateCaseAsync("chiba", CaseTestHelpers.Content("千葉の事例"));
        var before = await w.App.CountsAsync();
        var row = GoodRow("横浜が書き換えた題名");
        row["ID"] = chibaCase.ToString();
        row["団体コード"] = "";
        var doc = await w.Yokohama.ImportAsync("/yokohama", Csv(row), "cases.csv");
        var problems = CaseTestHelpers.Problems(doc);
        Assert.Contains(problems, p => p.StartsWith("2行目|ID|") && p.Contains($"ID {chibaCase} は別の団体の事例です"));
        Assert.Equal(before, await w.App.CountsAsync());
        var title = await w.App.InTenantAsync("chiba", db => db.PolicyCases.Where(c => c.Id == chibaCase).Select(c => c.Title).SingleAsync());
        Assert.Equal("千葉の事例", title);

        // The report of one site's upload is not readable from another site or by another user.
        var upload = await w.Chiba.UploadAsync("/chiba", Csv(GoodRow()), "cases.csv");
        var status = upload.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await w.Yokohama.GetAsync(status.Replace("/chiba/", "/yokohama/"))).StatusCode);
        await w.App.CreateUserAsync("chiba", "other@chiba.example.jp", [Roles.SiteAdministrator]);
        var other = await w.App.SignedInAsync("other@chiba.example.jp", "/chiba");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(status)).StatusCode);
    }

    [Fact]
    public async Task An_editor_updates_only_cases_of_their_own_units()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var unitX = await w.App.CreateDepartmentAsync("chiba", "X課");
        var unitY = await w.App.CreateDepartmentAsync("chiba", "Y課");
        var ofY = await w.App.CreateCaseAsync("chiba", CaseTestHelpers.Content("Y課の事例") with { OwnerDepartmentId = unitY });
        await w.App.CreateUserAsync("chiba", "editor-x@chiba.example.jp", [Roles.MemberEditor], [unitX]);
        var editor = await w.App.SignedInAsync("editor-x@chiba.example.jp", "/chiba");
        var row = GoodRow("X課が書き換えた題名");
        row["ID"] = ofY.ToString();
        var doc = await editor.ImportAsync("/chiba", Csv(row), "cases.csv");
        Assert.Contains(CaseTestHelpers.Problems(doc), p => p.StartsWith("2行目|ID|") && p.Contains("あなたの所属の担当ではない"));
        doc = await editor.ImportAsync("/chiba", Csv(GoodRow("X課の新しい事例")), "cases.csv");
        Assert.Contains("新しく登録した事例: 1件", doc.Body!.TextContent);
        Assert.Equal(unitX, await w.App.InTenantAsync("chiba", db => db.PolicyCases.Where(c => c.Title == "X課の新しい事例").Select(c => c.OwnerDepartmentId).SingleAsync()));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task An_export_imports_back_into_its_site_unchanged_and_an_edit_becomes_a_revision(string format)
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        // 千葉県's sample cases, plus one with every list filled and a formula-like summary.
        var full = await w.App.CreateCaseAsync("chiba", CaseTestHelpers.Content("往復の試験") with
        {
            Summary = "-で始まる概要", Background = "一行目\n二行目", Partners = [new CasePartner("A|B会", null), new CasePartner("NPO法人テスト", "8999900000001")],
            AdaptedFromCaseIds = [await w.App.CreateCaseAsync("saga", CaseTestHelpers.Content("佐賀の元事例"))],
        });
        await NpoMunicipalNetwork.Tests.Search.CaseSeed.WaitForIndexAsync(w.App); // exports read the search index, which follows saves shortly after
        var exported = await w.App.CreateClientFor().GetByteArrayAsync($"/cases/export.{format}?pref=12");
        var count = await w.App.InTenantAsync(null, db => PublishedCases.All(db).CountAsync(c => db.Tenants.Any(t => t.Id == c.TenantId && t.Name == "chiba")));
        Assert.True(count >= 6);
        var before = await w.App.CountsAsync();

        var doc = await w.Chiba.ImportAsync("/chiba", exported, $"export.{format}");
        Assert.Empty(CaseTestHelpers.Problems(doc));
        Assert.Contains($"変更がなかった事例: {count}件", doc.Body!.TextContent);
        Assert.Contains("更新した事例: 0件", doc.Body!.TextContent);
        Assert.Equal(before, await w.App.CountsAsync());

        // The same file with one title changed: one new revision, the live copy waits for approval.
        byte[] edited;
        if (format == "csv")
            edited = Utf8Bom(Encoding.UTF8.GetString(exported, 3, exported.Length - 3).Replace("往復の試験", "往復の試験（改訂）"));
        else
        {
            using var input = new MemoryStream(exported);
            var rows = input.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Select(r => r.ToDictionary(kv => kv.Key, kv => (object?)(kv.Value?.ToString() == "往復の試験" ? "往復の試験（改訂）" : kv.Value))).ToList();
            using var output = new MemoryStream();
            output.SaveAs(rows, excelType: ExcelType.XLSX);
            edited = output.ToArray();
        }
        doc = await w.Chiba.ImportAsync("/chiba", edited, $"edited.{format}");
        Assert.Contains("更新した事例: 1件", doc.Body!.TextContent);
        var after = await w.App.CountsAsync();
        Assert.Equal(before.Revisions + 1, after.Revisions);
        Assert.Equal(before.Cases, after.Cases);
        var item = await w.App.InTenantAsync("chiba", db => db.PolicyCases.SingleAsync(c => c.Id == full));
        Assert.Equal("往復の試験", item.Title); // staged: the public copy changes on approval
        var working = await w.App.InTenantAsync("chiba", db => db.ContentRevisions.SingleAsync(r => r.Id == item.WorkingRevisionId));
        var content = CaseContent.FromJson(working.PayloadJson!);
        Assert.Equal("往復の試験（改訂）", content.Title);
        Assert.Equal("-で始まる概要", content.Summary);
        Assert.Equal("一行目\n二行目", content.Background);
        Assert.Equal([new CasePartner("A|B会", null), new CasePartner("NPO法人テスト", "8999900000001")], content.Partners);
    }
}

public sealed class CaseImportTests_Sqlite() : CaseImportTests(DatabaseProvider.Sqlite);

public sealed class CaseImportTests_PostgreSql() : CaseImportTests(DatabaseProvider.PostgreSql);
