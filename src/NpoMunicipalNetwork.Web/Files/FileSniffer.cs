using System.IO.Compression;

namespace NpoMunicipalNetwork.Files;

/// <summary>
/// Tells a file's kind from its first bytes (and, for Office files, from the parts inside the ZIP),
/// so a script renamed to .pdf or an HTML page renamed to .png is refused.
/// </summary>
public static class FileSniffer
{
    public static FileKind? Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("%PDF-"u8))
            return FileKind.Pdf;
        if (data.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return FileKind.Png;
        if (data.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
            return FileKind.Jpeg;
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
            return FileKind.Gif;
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
            return FileKind.WebP;
        if (data.StartsWith("PK\u0003\u0004"u8))
            return DetectOfficeDocument(data.ToArray());
        return null;
    }

    private static FileKind? DetectOfficeDocument(byte[] data)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(data), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is null)
                return null;
            if (zip.GetEntry("word/document.xml") is not null)
                return FileKind.Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null)
                return FileKind.Xlsx;
            if (zip.GetEntry("ppt/presentation.xml") is not null)
                return FileKind.Pptx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
