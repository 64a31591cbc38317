namespace NpoMunicipalNetwork.Files;

/// <summary>What a file is, decided from its bytes; the name a person gave it is never trusted.</summary>
public enum FileKind
{
    Pdf,
    Png,
    Jpeg,
    Gif,
    WebP,
    Docx,
    Xlsx,
    Pptx,
}

public static class FileKinds
{
    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Gif => "image/gif",
        FileKind.WebP => "image/webp",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/octet-stream",
    };

    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Jpeg => ".jpg",
        _ => "." + kind.ToString().ToLowerInvariant(),
    };

    /// <summary>How the kind is named to people (in lists of what may be uploaded).</summary>
    public static string Label(FileKind kind) => kind switch
    {
        FileKind.Pdf => "PDF",
        FileKind.Png => "PNG",
        FileKind.Jpeg => "JPEG",
        FileKind.Gif => "GIF",
        FileKind.WebP => "WebP",
        FileKind.Docx => "Word（.docx）",
        FileKind.Xlsx => "Excel（.xlsx）",
        FileKind.Pptx => "PowerPoint（.pptx）",
        _ => kind.ToString(),
    };

    public static bool IsImage(FileKind kind) => kind is FileKind.Png or FileKind.Jpeg or FileKind.Gif or FileKind.WebP;
}
