namespace NpoMunicipalNetwork.Files;

/// <summary>
/// An uploaded file. Not tenant-filtered: a file is reached only through what owns it (a case
/// attachment, a forum material, a board post), and that owner decides who may read it. The bytes
/// live in <see cref="StoredFileContent"/> in the same database, so an upload is saved in the same
/// transaction as its owner (nothing half-written) and every app instance sees it.
/// </summary>
public sealed class StoredFile
{
    public int Id { get; set; }

    /// <summary>The site it was uploaded on, for accounting and clean-up; not an access rule.</summary>
    public int? UploadedOnTenantId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public FileKind Kind { get; set; }

    public long Length { get; set; }

    /// <summary>Hex SHA-256 of the content; also the download's ETag.</summary>
    public string Sha256 { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public int? CreatedByUserId { get; set; }

    public StoredFileContent? Content { get; set; }

    public const int FileNameLength = 200;
}

public sealed class StoredFileContent
{
    public int StoredFileId { get; set; }

    public byte[] Data { get; set; } = [];
}
