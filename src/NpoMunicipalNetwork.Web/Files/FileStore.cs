using System.Security.Cryptography;

namespace NpoMunicipalNetwork.Files;

/// <summary>
/// Checks an upload against its field's rules and adds it to the unit of work; the caller's single
/// SaveChanges stores it together with what owns it, or not at all.
/// </summary>
public sealed class FileStore(NetworkDbContext db, TimeProvider clock)
{
    /// <summary>Null (with the field's Japanese message recorded in <paramref name="form"/>) when the file is refused.</summary>
    public async Task<StoredFile?> AcceptAsync(IFormFile file, FileRules rules, string field, string label, FormState form, int? userId, CancellationToken ct)
    {
        // Checked before the upload is read into memory, so an oversized one costs nothing.
        if (SizeProblem(file.Length, file.FileName, rules, label) is { } problem)
        {
            form.Error(field, problem);
            return null;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return Accept(buffer.ToArray(), file.FileName, rules, field, label, form, userId);
    }

    /// <summary>The two checks that need only the length: an empty file and one over the limit.</summary>
    private static string? SizeProblem(long length, string name, FileRules rules, string label) =>
        length == 0 ? $"{label}：ファイル「{name}」は空です。"
        : length > rules.MaxBytes ? $"{label}：ファイル「{name}」は {FileRules.Megabytes(length)} あり、上限の {rules.MaxText} を超えています。"
        : null;

    /// <summary>The same checks for bytes that did not come from a form (recipes, API bodies).</summary>
    public StoredFile? Accept(byte[] data, string fileName, FileRules rules, string field, string label, FormState form, int? userId)
    {
        var name = CleanName(fileName);
        if (SizeProblem(data.LongLength, name, rules, label) is { } problem)
        {
            form.Error(field, problem);
            return null;
        }
        if (FileSniffer.Detect(data) is not { } kind || !rules.Kinds.Contains(kind))
        {
            form.Error(field, $"{label}：ファイル「{name}」の内容は {rules.KindsText} のいずれでもありません。この形式のファイルを選んでください。");
            return null;
        }
        // The extension follows the content, so a browser never guesses another type from the name.
        if (!string.Equals(Path.GetExtension(name), FileKinds.Extension(kind), StringComparison.OrdinalIgnoreCase)
            && !(kind == FileKind.Jpeg && Path.GetExtension(name).Equals(".jpeg", StringComparison.OrdinalIgnoreCase)))
            name = Path.GetFileNameWithoutExtension(name) + FileKinds.Extension(kind);

        var stored = new StoredFile
        {
            FileName = name,
            Kind = kind,
            ContentType = FileKinds.ContentType(kind),
            Length = data.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = userId,
            UploadedOnTenantId = db.CurrentTenantId == 0 ? null : db.CurrentTenantId,
            Content = new StoredFileContent { Data = data },
        };
        db.StoredFiles.Add(stored);
        return stored;
    }

    /// <summary>Keeps only the last path segment, drops control characters and limits the length.</summary>
    public static string CleanName(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or '*' or '?' or ':')).ToArray()).Trim();
        if (name.Length == 0)
            name = "file";
        if (name.Length > StoredFile.FileNameLength)
        {
            var ext = Path.GetExtension(name);
            name = name[..(StoredFile.FileNameLength - ext.Length)] + ext;
        }
        return name;
    }
}
