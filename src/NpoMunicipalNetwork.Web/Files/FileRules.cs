namespace NpoMunicipalNetwork.Files;

/// <summary>What one upload field accepts: the kinds (checked on content) and the largest size.</summary>
public sealed record FileRules(IReadOnlyList<FileKind> Kinds, long MaxBytes)
{
    private const long MB = 1024 * 1024;

    /// <summary>Images shown on a page.</summary>
    public static readonly FileRules Images = new([FileKind.Png, FileKind.Jpeg, FileKind.Gif, FileKind.WebP], 5 * MB);

    /// <summary>Attachments that a reader downloads: PDF and images (cases, board posts).</summary>
    public static readonly FileRules PdfAndImages = new([FileKind.Pdf, FileKind.Png, FileKind.Jpeg, FileKind.Gif, FileKind.WebP], 10 * MB);

    /// <summary>Forum materials: PDF, slides, documents, spreadsheets and images.</summary>
    public static readonly FileRules Materials = new([FileKind.Pdf, FileKind.Pptx, FileKind.Docx, FileKind.Xlsx, FileKind.Png, FileKind.Jpeg, FileKind.Gif, FileKind.WebP], 20 * MB);

    public string KindsText => string.Join("・", Kinds.Select(FileKinds.Label));

    public string MaxText => Megabytes(MaxBytes);

    public static string Megabytes(long bytes) => bytes >= MB ? $"{bytes / (double)MB:0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
