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
        if (file.Length == 0)
        {
            form.Error(field, $"{label}：ファイル「{file.FileName}」は空です。");
            return null;
        }
        if (file.Length > rules.MaxBytes)
        {
            form.Error(field, $"{label}：ファイル「{file.FileName}」は {FileRules.Megabytes(file.Length)} あり、上限の {rules.MaxText} を超えています。");
            return null;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return Accept(buffer.ToArray(), file.FileName, rules, field, label, form, userId);
    }

    /// <summary>The same checks for bytes that did not come from a form (recipes, API bodies).</summary>
    public StoredFile? Accept(byte[] data, string fileName, FileRules rules, string field, string label, FormState form, int? userId)
    {
        var name = CleanName(fileName);
        if (data.Length == 0)
        {
            form.Error(field, $"{label}：ファイル「{name}」は空です。");
            return null;
        }
        if (data.LongLength > rules.MaxBytes)
        {
            form.Error(field, $"{label}：ファイル「{name}」は {FileRules.Megabytes(data.LongLength)} あり、上限の {rules.MaxText} を超えています。");
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
