using System.IO.Compression;
using System.Text;
using NpoMunicipalNetwork.Files;

namespace NpoMunicipalNetwork.Tests.Files;

public class FileSnifferTests
{
    [Fact]
    public void Kinds_come_from_the_bytes_not_the_name()
    {
        Assert.Equal(FileKind.Pdf, FileSniffer.Detect("%PDF-1.7\n"u8));
        Assert.Equal(FileKind.Png, FileSniffer.Detect(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }));
        Assert.Equal(FileKind.Jpeg, FileSniffer.Detect(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }));
        Assert.Equal(FileKind.Gif, FileSniffer.Detect("GIF89a..."u8));
        Assert.Null(FileSniffer.Detect("<html><script>alert(1)</script>"u8));
        Assert.Null(FileSniffer.Detect("<svg onload=alert(1)>"u8));
        Assert.Null(FileSniffer.Detect("PK\u0003\u0004 not really a zip"u8));
    }

    [Theory]
    [InlineData("word/document.xml", FileKind.Docx)]
    [InlineData("xl/workbook.xml", FileKind.Xlsx)]
    [InlineData("ppt/presentation.xml", FileKind.Pptx)]
    public void Office_documents_are_told_apart_by_their_parts(string part, FileKind expected)
    {
        Assert.Equal(expected, FileSniffer.Detect(Zip("[Content_Types].xml", part)));
        Assert.Null(FileSniffer.Detect(Zip(part))); // a ZIP without the OOXML manifest is just a ZIP
    }

    [Fact]
    public void File_names_keep_only_a_safe_last_segment()
    {
        Assert.Equal("report.pdf", FileStore.CleanName(@"C:\Users\a\report.pdf"));
        Assert.Equal("x.pdf", FileStore.CleanName("../../x.pdf"));
        Assert.Equal("ab.pdf", FileStore.CleanName("a\"<>b.pdf"));
        Assert.Equal("file", FileStore.CleanName("/"));
        Assert.Equal(StoredFile.FileNameLength, FileStore.CleanName(new string('あ', 300) + ".pdf").Length);
    }

    private static byte[] Zip(params string[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries)
                using (var w = new StreamWriter(zip.CreateEntry(e).Open(), Encoding.UTF8))
                    w.Write("<x/>");
        return ms.ToArray();
    }
}
