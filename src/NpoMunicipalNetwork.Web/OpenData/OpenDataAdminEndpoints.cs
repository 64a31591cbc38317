using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.OpenData;

public sealed record OpenDataHistoryRow(string BuiltAt, string Size, string Trigger, string? BuiltBy, string Licence);

public sealed record OpenDataAdminModel(OpenDataHistoryRow? Latest, IReadOnlyList<OpenDataDataset> Datasets, IReadOnlyList<OpenDataHistoryRow> History,
    string? DailyAt, string Licence, string? LicenceUrl, bool Built);

/// <summary>The secretariat sees the bundles kept and builds a new one on demand at <c>/admin/opendata</c> (hub only).</summary>
public static class OpenDataAdminEndpoints
{
    private static readonly AdminSection Section = new("オープンデータ", "/opendata", Permissions.ManageOpenData);
    private static readonly PageMeta Meta = Section.ListMeta();

    public static RouteGroupBuilder MapOpenDataAdmin(this RouteGroupBuilder admin)
    {
        var g = Section.MapGroup(admin);
        g.MapGet("/", Status);
        g.MapPost("/build", Build);
        return admin;
    }

    private static OpenDataHistoryRow Row(OpenDataBundle b) => new(JapanTime.FormatDateTime(b.BuiltUtc), OpenDataEndpoints.Size(b.Length),
        b.Trigger == OpenDataTrigger.Manual ? "手動" : "定期（毎日）", b.BuiltByName, b.Licence);

    private static async Task<IResult> Status(HttpContext http, NetworkDbContext db, IOptions<OpenDataOptions> options, CancellationToken ct)
    {
        var history = await db.OpenDataBundles.AsNoTracking().OrderByDescending(b => b.BuiltUtc).ThenByDescending(b => b.Id)
            .Select(b => new OpenDataBundle { Id = b.Id, BuiltUtc = b.BuiltUtc, Length = b.Length, Licence = b.Licence, Trigger = b.Trigger, BuiltByName = b.BuiltByName, Datasets = b.Datasets })
            .ToListAsync(ct);
        var o = options.Value;
        return ThemeResults.Admin("admin/opendata/index", new OpenDataAdminModel(
            history.Count > 0 ? Row(history[0]) : null, history.Count > 0 ? OpenDataEndpoints.Datasets(history[0]) : [],
            history.Select(Row).ToList(), string.IsNullOrWhiteSpace(o.DailyAt) ? null : o.DailyAt, o.Licence, o.EffectiveLicenceUrl,
            http.Request.Query["built"] == "1"), Meta);
    }

    /// <summary>Builds now, in the request: the bundle and its audit entry are saved together or not at all.</summary>
    private static async Task<IResult> Build(HttpContext http, IFormCollection _, OpenDataBuilder builder, AuditLog audit, CancellationToken ct)
    {
        var name = http.User.FindFirst(NetworkClaims.DisplayName)?.Value;
        var bundle = await builder.BuildAsync(OpenDataTrigger.Manual, name, $"{http.Request.Scheme}://{http.Request.Host}", ct);
        audit.Record(AuditAction.Create, new AuditTarget(AuditTargetTypes.OpenData, null, "オープンデータ"),
            $"オープンデータを作成しました（{OpenDataEndpoints.Size(bundle.Length)}、ライセンス {bundle.Licence}）。", scope: AuditScope.Network);
        await builder.SaveAsync(bundle, ct);
        OpenDataBuilder.ReturnMemory();
        return Results.Redirect("/admin/opendata?built=1");
    }
}
