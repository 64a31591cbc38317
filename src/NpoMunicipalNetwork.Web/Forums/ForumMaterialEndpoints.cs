using System.IO.Compression;

namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// A forum's materials: the list, opening one (member-only ones only for members' signed-in staff;
/// everyone else gets a Japanese 403 page and never the material), and one ZIP of all public ones.
/// </summary>
public static class ForumMaterialEndpoints
{
    public const string MemberOnlyMessage = "この資料は会員団体の職員の方だけが閲覧できます。会員団体のサイトまたはネットワークのサイトにログインしてからお開きください。";

    public static RouteGroupBuilder MapForumMaterials(this RouteGroupBuilder forums)
    {
        forums.MapGet("/{edition:int}/materials", List);
        forums.MapGet("/{edition:int}/materials.zip", Zip);
        return forums;
    }

    private static async Task<IResult> List(int edition, HttpContext http, NetworkDbContext db, TenantCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Edition == edition, ct);
        if (forum is null)
            return ThemeResults.NotFound();
        var summary = (await ForumDirectory.SummaryAsync(db, catalog, edition, ct))!;
        var materials = (await ForumPublicEndpoints.MaterialsAsync(db, forum.Id, ct)).Select(m => m.Model).ToList();
        return ThemeResults.View("forums/materials", new MaterialsModel(summary, materials, $"/forums/{edition}/materials.zip", $"/forums/{edition}",
                await MemberMaterialAccess.AllowsAsync(http, db, clock, ct)),
            new PageMeta($"資料（{forum.Title}）", [new("ホーム", "/"), new("フォーラム", "/forums"), new(forum.Title, $"/forums/{edition}"), new("資料")]));
    }

    public static async Task<IResult> Open(int id, HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var material = await db.ForumMaterials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (material is null)
            return ThemeResults.NotFound();
        if (material.IsMemberOnly)
        {
            if (!await MemberMaterialAccess.AllowsAsync(http, db, clock, ct))
                return ThemeResults.Forbidden(MemberOnlyMessage);
            // The address of a member-only material must not sit in a shared cache.
            http.Response.Headers.CacheControl = "private, no-store";
        }
        else if (!http.RequestServices.GetRequiredService<TenantContext>().Tenant.IsHub)
        {
            return ThemeResults.NotFound(); // public materials live on the hub only
        }
        return material.FileId is { } fileId ? await Files.FileResults.DownloadAsync(db, fileId, ct) : Results.Redirect(material.Url!);
    }

    /// <summary>
    /// Every public material of the forum in one ZIP: each uploaded file, an Internet shortcut (.url) per
    /// linked material, and an index (資料一覧.txt). Member-only materials are never included.
    /// </summary>
    private static async Task<IResult> Zip(int edition, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Edition == edition, ct);
        if (forum is null)
            return ThemeResults.NotFound();
        var materials = await db.ForumMaterials.AsNoTracking().Where(m => m.ForumId == forum.Id && !m.IsMemberOnly)
            .OrderBy(m => m.Order).ThenBy(m => m.Id).ToListAsync(ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            var index = new StringBuilder($"{forum.Title} 資料一覧\r\n\r\n");
            var n = 0;
            foreach (var m in materials)
            {
                n++;
                if (m.FileId is { } fileId)
                {
                    var file = await db.StoredFiles.AsNoTracking().Include(f => f.Content).SingleAsync(f => f.Id == fileId, ct);
                    var name = $"{n:00}_{SafeName(file.FileName)}";
                    index.Append($"{n}. {m.Title}\r\n   {name}\r\n");
                    await using var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
                    await entry.WriteAsync(file.Content!.Data, ct);
                    continue;
                }
                index.Append($"{n}. {m.Title}\r\n   {m.Url}\r\n");
                await WriteAsync(zip, $"{n:00}_{SafeName(m.Title)}.url", $"[InternetShortcut]\r\nURL={m.Url}\r\n", ct);
            }
            if (n == 0)
                index.Append("公開している資料はありません。\r\n");
            await WriteAsync(zip, "資料一覧.txt", index.ToString(), ct);
        }
        return Results.File(buffer.ToArray(), "application/zip", $"forum-{edition}-materials.zip");
    }

    private static async Task WriteAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        await using var stream = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        await stream.WriteAsync(bytes, ct);
    }

    private static string SafeName(string title)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var name = new string(title.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        if (name.Length <= 80)
            return name;
        var ext = Path.GetExtension(name);
        return name[..(80 - ext.Length)] + ext;
    }
}
