
namespace NpoMunicipalNetwork.Cases.Exchange;

public sealed record CodebookColumn(string Key, string Label, string Meaning, string Type, string Allowed, string Example, bool Editable);

public sealed record CodebookTerm(string Code, string Name, string Types, bool Retired);

public sealed record CodebookType(string Code, string Name, string Gloss, string Description, string Methods);

public sealed record CodebookModel(IReadOnlyList<CodebookColumn> Columns, IReadOnlyList<CodebookType> Types, IReadOnlyList<CodebookTerm> Fields,
    IReadOnlyList<CodebookTerm> Methods, int MaxRows, string ListSeparator, string PairSeparator);

/// <summary>
/// <c>/cases/codebook</c>: every column of the exports and imports and the whole vocabulary, read from
/// the database so it never disagrees with what the import accepts; also as CSV, XLSX and JSON.
/// </summary>
public static class CodebookEndpoints
{
    /// <summary>How the network tells its three relationships apart; shown on the codebook and in the import template.</summary>
    public static string Describe(RelationshipType type) => type switch
    {
        RelationshipType.Support => "NPOが自ら始めた活動を、行政が資金・場・情報・助言などで後押しする関係です。活動の中身を決めるのはNPOで、行政はNPOが自立して活動を続けられるようにすることを目指します。",
        RelationshipType.Collaboration => "NPOと行政が対等な立場で力を出し合い、役割を分けて一つの事業を一緒に進める関係です。それぞれの目的を同じ事業の中で実現し、一方だけではできない効果を狙います。",
        RelationshipType.Outsourcing => "行政が決めた内容と仕様の仕事を、NPOが引き受けて実行する関係です。事業の目的は行政のもので、NPOの専門性や機動力を生かしてサービスの質を高めたり費用を抑えたりします。",
        _ => "",
    };

    public static RouteGroupBuilder MapCodebook(this RouteGroupBuilder cases)
    {
        cases.MapGet("/codebook", async (NetworkDbContext db, CancellationToken ct) =>
            ThemeResults.View("cases/codebook", await ModelAsync(db, ct),
                new PageMeta("事例データベースの項目説明", [new Breadcrumb("ホーム", "/"), new Breadcrumb("政策事例", "/cases"), new Breadcrumb("項目説明")])));
        cases.MapGet("/codebook.csv", async (NetworkDbContext db, CancellationToken ct) =>
            Spreadsheet.Csv(Sheets(await ModelAsync(db, ct))[0], "npo-cases-codebook.csv"));
        cases.MapGet("/codebook.xlsx", async (NetworkDbContext db, CancellationToken ct) =>
            Spreadsheet.Xlsx(Sheets(await ModelAsync(db, ct)), "npo-cases-codebook.xlsx"));
        cases.MapGet("/codebook.json", async (NetworkDbContext db, CancellationToken ct) =>
        {
            var m = await ModelAsync(db, ct);
            return Results.Json(new { columns = m.Columns, relationshipTypes = m.Types, fields = m.Fields, methods = m.Methods, maxRows = m.MaxRows },
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
                {
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
                }, "application/json; charset=utf-8");
        });
        return cases;
    }

    public static async Task<CodebookModel> ModelAsync(NetworkDbContext db, CancellationToken ct) =>
        Model(await CaseVocabulary.LoadAsync(db, ct));

    public static CodebookModel Model(CaseVocabulary vocabulary)
    {
        string TypesOf(PolicyMethod m) => string.Join("・", RelationshipTypeNames.All.Where(t => m.RelationshipTypes.Includes(t)).Select(t => t.Japanese()));
        return new CodebookModel(
            CaseColumns.All.Select(c => new CodebookColumn(c.Key, c.Label, c.Meaning, c.Type, c.Allowed, c.Example, c.Editable)).ToList(),
            RelationshipTypeNames.All.Select(t => new CodebookType(t.Code(), t.Japanese(), t.Gloss(), Describe(t),
                string.Join("、", vocabulary.Methods.Where(m => !m.IsRetired && m.RelationshipTypes.Includes(t)).Select(m => m.Name)))).ToList(),
            vocabulary.Fields.Select(f => new CodebookTerm(f.Code, f.Name, "", f.IsRetired)).ToList(),
            vocabulary.Methods.Select(m => new CodebookTerm(m.Code, m.Name, TypesOf(m), m.IsRetired)).ToList(),
            CaseExportEndpoints.MaxRows, CaseColumns.ListSeparator, CaseColumns.PairSeparator);
    }

    /// <summary>The codebook as sheets: columns, then the vocabulary (the import template's second sheet is the latter).</summary>
    public static IReadOnlyList<Sheet> Sheets(CodebookModel m) =>
    [
        new Sheet("項目", ["列名", "キー", "意味", "型", "使える値", "例", "取り込み"],
            m.Columns.Select(c => (IReadOnlyList<string>)[c.Label, c.Key, c.Meaning, c.Type, c.Allowed, c.Example, c.Editable ? "取り込む" : "読み取り専用（無視）"])),
        VocabularySheet(m),
    ];

    public static Sheet VocabularySheet(CodebookModel m) =>
        new("語彙", ["種類", "コード", "名称", "関係区分", "説明"],
            m.Types.Select(t => (IReadOnlyList<string>)["関係区分", t.Code, t.Name, "", t.Description])
                .Concat(m.Fields.Where(f => !f.Retired).Select(f => (IReadOnlyList<string>)["政策分野", f.Code, f.Name, "", ""]))
                .Concat(m.Methods.Where(x => !x.Retired).Select(x => (IReadOnlyList<string>)["手法", x.Code, x.Name, x.Types, ""])));
}
