using NpoMunicipalNetwork.Files;

namespace NpoMunicipalNetwork.Boards;

public sealed record AttachmentView(string Name, string Url, string Description);

/// <summary>
/// Attachments of posts through the shared Files feature: images and PDF, kind decided from the bytes,
/// size limited, only from trusted accounts; downloaded through the post, so only its readers get them.
/// </summary>
public static class BoardAttachments
{
    public const string Field = "attachments";

    public static RouteGroupBuilder MapBoardFiles(this RouteGroupBuilder boards)
    {
        boards.MapGet("/files/{postId:int}/{fileId:int}", Download);
        return boards;
    }

    public static string Hint(BoardOptions o) =>
        $"{FileRules.PdfAndImages.KindsText}のファイルを{o.MaxAttachments}件まで、1件{FileRules.Megabytes(Math.Min(o.MaxAttachmentBytes, FileRules.PdfAndImages.MaxBytes))}まで添付できます。";

    public static string Url(int postId, int fileId) => $"/boards/files/{postId}/{fileId}";

    /// <summary>
    /// The uploaded files, checked and added to the unit of work (saved with the post), or null with a message on the field.
    /// On any refusal nothing stays in the unit of work.
    /// </summary>
    public static async Task<List<StoredFile>?> ReadAsync(IFormCollection input, FormState form, BoardViewer viewer, bool trusted,
        BoardOptions o, FileStore files, NetworkDbContext db, CancellationToken ct)
    {
        var uploads = input.Files.GetFiles(Field).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (uploads.Count == 0)
            return [];
        if (!trusted)
        {
            form.Error(Field, $"登録から{o.TrustedAfterDays}日未満、または投稿が{o.TrustedAfterPosts}件未満のアカウントは、ファイルを添付できません。");
            return null;
        }
        if (uploads.Count > o.MaxAttachments)
        {
            form.Error(Field, $"添付ファイルは{o.MaxAttachments}件までです（{uploads.Count}件選ばれています）。");
            return null;
        }
        var rules = FileRules.PdfAndImages with { MaxBytes = Math.Min(o.MaxAttachmentBytes, FileRules.PdfAndImages.MaxBytes) };
        var accepted = new List<StoredFile>();
        foreach (var upload in uploads)
        {
            if (await files.AcceptAsync(upload, rules, Field, "添付ファイル", form, viewer.UserId, ct) is not { } stored)
            {
                foreach (var file in accepted)
                    db.Entry(file).State = EntityState.Detached;
                return null;
            }
            accepted.Add(stored);
        }
        return accepted;
    }

    public static void Attach(NetworkDbContext db, int postId, IEnumerable<StoredFile> files)
    {
        foreach (var file in files)
            db.PostAttachments.Add(new PostAttachment { PostId = postId, File = file });
    }

    public static async Task<ILookup<int, AttachmentView>> ForPostsAsync(NetworkDbContext db, IReadOnlyCollection<int> postIds, CancellationToken ct)
    {
        var rows = await db.PostAttachments.AsNoTracking().Where(a => postIds.Contains(a.PostId)).OrderBy(a => a.Id)
            .Select(a => new { a.PostId, a.StoredFileId, a.File!.FileName, a.File.Kind, a.File.Length }).ToListAsync(ct);
        return rows.ToLookup(a => a.PostId, a => new AttachmentView(a.FileName, Url(a.PostId, a.StoredFileId), $"{FileKinds.Label(a.Kind)}、{FileRules.Megabytes(a.Length)}"));
    }

    /// <summary>A file of a post the viewer may read in full; 404 for everything else, so nobody learns what exists.</summary>
    private static async Task<IResult> Download(int postId, int fileId, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.TopicId, p.State }).FirstOrDefaultAsync(ct);
        if (post is null || post.State == PostState.Deleted || (post.State != PostState.Visible && !viewer.IsModerator)
            || await BoardAccess.FindTopicAsync(db, viewer, post.TopicId, ct) is null
            || !await db.PostAttachments.AnyAsync(a => a.PostId == postId && a.StoredFileId == fileId, ct))
            return Themes.ThemeResults.NotFound();
        // Private groups' files must not sit in shared caches.
        http.Response.Headers.CacheControl = "private, no-store";
        return await FileResults.DownloadAsync(db, fileId, ct);
    }

    /// <summary>A deleted post loses its files with its text.</summary>
    public static async Task RemoveAsync(NetworkDbContext db, int postId, CancellationToken ct)
    {
        var attached = await db.PostAttachments.Where(a => a.PostId == postId).Include(a => a.File).ToListAsync(ct);
        foreach (var a in attached)
        {
            db.PostAttachments.Remove(a);
            if (a.File is not null)
                db.StoredFiles.Remove(a.File);
        }
    }
}
