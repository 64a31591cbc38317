using Microsoft.Net.Http.Headers;

namespace NpoMunicipalNetwork.Files;

/// <summary>Sends a stored file. The caller has already decided that the reader may see it.</summary>
public static class FileResults
{
    public static async Task<IResult> DownloadAsync(NetworkDbContext db, int fileId, CancellationToken ct)
    {
        var file = await db.StoredFiles.AsNoTracking().Include(f => f.Content).SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file?.Content is null)
            return Themes.ThemeResults.NotFound();
        // Images and PDF open in the browser; Office files download. Either way the type is the sniffed one.
        var inline = FileKinds.IsImage(file.Kind) || file.Kind == FileKind.Pdf;
        return new StoredFileResult(file, file.Content.Data, inline);
    }

    private sealed class StoredFileResult(StoredFile file, byte[] data, bool inline) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
            disposition.SetHttpFileName(file.FileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            // A file is never a document of this site: no scripts even if a browser were to render it.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
            return Results.File(data, file.ContentType, lastModified: new DateTimeOffset(file.CreatedUtc, TimeSpan.Zero),
                entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\"")).ExecuteAsync(http);
        }
    }
}
