
namespace NpoMunicipalNetwork.Search;

public sealed record SearchAdminModel(string Location, int Documents, long Cursor, DateTime? AppliedUtc, bool Rebuilding, int Done, int Total, int Percent,
    DateTime? LastRebuildUtc, double? LastRebuildSeconds, long PendingChanges, bool Started);

/// <summary>
/// The secretariat sees this instance's search index (documents, change-log position) and can
/// rebuild it from the database. The rebuild runs in the background; searches keep using the
/// previous index until it is done. Each instance has its own index: this rebuilds the one that
/// served the request (the CLI command <c>search rebuild</c> rebuilds a stopped instance's).
/// </summary>
public static class SearchAdminEndpoints
{
    private static readonly AdminSection Section = new("検索索引", "/search", Permissions.ManageSearch);
    private static readonly PageMeta Meta = Section.ListMeta();

    public static RouteGroupBuilder MapSearchAdmin(this RouteGroupBuilder admin)
    {
        var g = Section.MapGroup(admin);
        g.MapGet("/", Status);
        g.MapPost("/rebuild", Rebuild);
        return admin;
    }

    private static async Task<IResult> Status(HttpContext http, SearchIndex index, Data.NetworkDbContext db, CancellationToken ct)
    {
        var cursor = index.Cursor;
        var pending = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.LongCountAsync(db.SearchChanges, c => c.Id > cursor, ct);
        var progress = index.RebuildProgress;
        return ThemeResults.Admin("admin/search/index", new SearchAdminModel(
            index.Location, index.DocumentCount, index.Cursor, index.AppliedUtc, progress is not null,
            progress?.Done ?? 0, progress?.Total ?? 0, progress is { Total: > 0 } p ? p.Done * 100 / p.Total : 0,
            index.LastRebuildUtc, index.LastRebuildDuration?.TotalSeconds, pending, http.Request.Query["started"] == "1"), Meta);
    }

    private static async Task<IResult> Rebuild(IFormCollection form, SearchIndex index, AuditLog audit, ILogger<SearchIndex> logger, CancellationToken ct)
    {
        if (index.RebuildProgress is null)
        {
            await audit.RecordNowAsync(AuditAction.Update, new AuditTarget("SearchIndex", null, "検索索引"), "検索索引の再構築を開始", scope: AuditScope.Network);
            _ = Task.Run(async () =>
            {
                try
                {
                    await index.RebuildAsync(null, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Search index rebuild requested from the admin area failed.");
                }
            }, CancellationToken.None);
        }
        return Results.Redirect("/admin/search?started=1");
    }
}
