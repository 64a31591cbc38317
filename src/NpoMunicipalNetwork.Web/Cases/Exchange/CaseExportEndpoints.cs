using System.Text.Json;

namespace NpoMunicipalNetwork.Cases.Exchange;

/// <summary>
/// <c>/cases/export.csv|.xlsx|.json</c> on the hub: the cases the search page finds for the same query
/// string, one row per case with every column of <see cref="CaseColumns"/>. Public, and published cases
/// only (the finder reads <see cref="PublishedCases"/>). At most <see cref="MaxRows"/> cases per file:
/// a bigger result is refused with a request to narrow it, never cut off silently.
/// </summary>
public static class CaseExportEndpoints
{
    public const int MaxRows = 5_000;

    /// <summary>Cases are loaded with their child rows this many at a time (keeps IN lists and memory small).</summary>
    private const int Batch = 500;

    public static IEndpointRouteBuilder MapCaseExchange(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/cases").HubOnly();
        // Files of up to thousands of cases would crowd the public pages out of the output cache.
        cases.MapGet("/export.csv", async (HttpContext http, NetworkDbContext db, ICaseFinder finder, TimeProvider clock, CancellationToken ct) =>
            await ExportAsync(http, db, finder, ct, rows => Spreadsheet.Csv(Sheet(http, rows), FileName(clock, "csv")))).CacheOutput(NotCached);
        cases.MapGet("/export.xlsx", async (HttpContext http, NetworkDbContext db, ICaseFinder finder, TimeProvider clock, CancellationToken ct) =>
            await ExportAsync(http, db, finder, ct, rows => Spreadsheet.Xlsx([Sheet(http, rows)], FileName(clock, "xlsx")))).CacheOutput(NotCached);
        cases.MapGet("/export.json", async (HttpContext http, NetworkDbContext db, ICaseFinder finder, TimeProvider clock, CancellationToken ct) =>
            await ExportAsync(http, db, finder, ct, rows => Json(http, rows, clock))).CacheOutput(NotCached);
        cases.MapCodebook();
        return app;
    }

    private static void NotCached(Microsoft.AspNetCore.OutputCaching.OutputCachePolicyBuilder policy) => policy.NoCache();

    private static string FileName(TimeProvider clock, string extension) =>
        $"npo-cases-{JapanTime.ToJst(clock.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}.{extension}";

    private static Sheet Sheet(HttpContext http, IReadOnlyList<PublishedCaseRow> rows)
    {
        var baseUrl = CaseLinks.BaseUrl(http.Request);
        return new Sheet("事例", CaseColumns.Labels, rows.Select(r => (IReadOnlyList<string>)CaseCells.From(r, baseUrl)));
    }

    private static IResult Json(HttpContext http, IReadOnlyList<PublishedCaseRow> rows, TimeProvider clock)
    {
        var baseUrl = CaseLinks.BaseUrl(http.Request);
        var body = new
        {
            generatedAt = clock.GetUtcNow().ToOffset(JapanTime.Offset),
            query = http.Request.QueryString.Value ?? "",
            codebook = baseUrl + "/cases/codebook",
            count = rows.Count,
            cases = rows.Select(r => CaseCells.Json(r, baseUrl)),
        };
        return Results.Json(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }, "application/json; charset=utf-8");
    }

    private static async Task<IResult> ExportAsync(HttpContext http, NetworkDbContext db, ICaseFinder finder, CancellationToken ct,
        Func<IReadOnlyList<PublishedCaseRow>, IResult> write)
    {
        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        var query = CaseQuery.Parse(http.Request.Query, vocabulary, out var problems);
        if (problems.Count > 0)
            return ThemeResults.BadRequest(problems);
        var ids = await finder.FindIdsAsync(query, MaxRows + 1, ct);
        if (ids.Count > MaxRows)
            return ThemeResults.BadRequest([$"該当する事例が{MaxRows:#,0}件を超えるため、一度に書き出せません。政策分野・年度などの条件で絞り込んでから書き出してください。"]);
        var rows = new List<PublishedCaseRow>(ids.Count);
        foreach (var chunk in ids.Chunk(Batch))
            rows.AddRange(await PublishedCases.LoadAsync(db, chunk, ct));
        return write(rows);
    }
}
