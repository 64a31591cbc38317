using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace NpoMunicipalNetwork.OpenData;

public sealed record OpenDataPageModel(bool Built, string? BuiltAt, DateTime? BuiltUtc, string? Size, string Licence, string? LicenceUrl,
    IReadOnlyList<OpenDataDataset> Datasets, string DownloadUrl, string? Schedule);

/// <summary>
/// <c>/opendata</c> on the hub: what the bundle holds, its licence, date and size, and the link to
/// <c>/opendata/latest.zip</c>, which answers conditional requests (ETag, Last-Modified) with 304.
/// </summary>
public static class OpenDataEndpoints
{
    public const string DownloadPath = "/opendata/latest.zip";

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/opendata").HubOnly();
        g.MapGet("/", Page);
        // A ZIP of every public row would crowd the pages out of the output cache; the ETag saves the bandwidth instead.
        g.MapGet("/latest.zip", Download).CacheOutput(p => p.NoCache());
        return app;
    }

    /// <summary>The newest bundle's facts, without its bytes.</summary>
    internal static Task<OpenDataBundle?> LatestFactsAsync(NetworkDbContext db, CancellationToken ct) =>
        db.OpenDataBundles.AsNoTracking().OrderByDescending(b => b.BuiltUtc).ThenByDescending(b => b.Id)
            .Select(b => new OpenDataBundle
            {
                Id = b.Id, BuiltUtc = b.BuiltUtc, Length = b.Length, Sha256 = b.Sha256, Licence = b.Licence, LicenceUrl = b.LicenceUrl,
                Trigger = b.Trigger, BuiltByName = b.BuiltByName, Datasets = b.Datasets,
            })
            .FirstOrDefaultAsync(ct);

    internal static IReadOnlyList<OpenDataDataset> Datasets(OpenDataBundle b) =>
        JsonSerializer.Deserialize<List<OpenDataDataset>>(b.Datasets, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    internal static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / 1024d / 1024d:0.0} MB" : $"{Math.Max(1, (bytes + 1023) / 1024):#,0} KB";

    private static async Task<IResult> Page(NetworkDbContext db, Microsoft.Extensions.Options.IOptions<OpenDataOptions> options, CancellationToken ct)
    {
        var latest = await LatestFactsAsync(db, ct);
        var o = options.Value;
        var model = latest is null
            ? new OpenDataPageModel(false, null, null, null, o.Licence, o.EffectiveLicenceUrl, [], DownloadPath, o.DailyAt)
            : new OpenDataPageModel(true, JapanTime.FormatDateTime(latest.BuiltUtc), latest.BuiltUtc, Size(latest.Length), latest.Licence, latest.LicenceUrl,
                Datasets(latest), DownloadPath, o.DailyAt);
        return ThemeResults.View("opendata/index", model, new PageMeta("オープンデータ", [new Breadcrumb("ホーム", "/"), new Breadcrumb("オープンデータ")],
            "会員団体、政策事例、フォーラム、報告書、お知らせなど、このサイトで公開しているデータをまとめてダウンロードできます（CSV と JSON）。"));
    }

    private static async Task<IResult> Download(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var latest = await db.OpenDataBundles.AsNoTracking().OrderByDescending(b => b.BuiltUtc).ThenByDescending(b => b.Id)
            .Select(b => new { b.Content, b.BuiltUtc, b.Sha256 }).FirstOrDefaultAsync(ct);
        if (latest is null)
            return ThemeResults.NotFound("オープンデータはまだ作成されていません。作成されるまでお待ちください。");
        // Revalidate every time: a new bundle may appear at any moment, and a 304 costs nothing.
        http.Response.Headers.CacheControl = "public, no-cache";
        return Results.File(latest.Content, "application/zip", $"npo-opendata-{JapanTime.ToJst(latest.BuiltUtc):yyyyMMdd}.zip",
            lastModified: new DateTimeOffset(DateTime.SpecifyKind(latest.BuiltUtc, DateTimeKind.Utc)),
            entityTag: new EntityTagHeaderValue($"\"{latest.Sha256}\""));
    }
}
