using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using NpoMunicipalNetwork.Cases.Exchange;

namespace NpoMunicipalNetwork.Tests.Cases.Exchange;

/// <summary>An upload that would expand beyond what an import needs is refused with a Japanese reason before it is expanded.</summary>
public sealed class SpreadsheetLimitTests
{
    [Fact]
    public void An_xlsx_whose_parts_expand_beyond_the_limit_is_refused_before_it_is_read()
    {
        // A small file (the zeros compress a thousandfold) declaring a sheet larger than the limit.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= SpreadsheetReader.MaxExpandedBytes / zeros.Length; i++)
                sheet.Write(zeros);
        }
        Assert.True(buffer.Length < 1024 * 1024);

        var error = Assert.Throws<UnreadableFileException>(() => SpreadsheetReader.Read(buffer.ToArray()));
        Assert.Contains("中身が大きすぎます", error.Message);
    }

    [Fact]
    public void A_sheet_with_more_rows_than_the_limit_is_refused_and_one_at_the_limit_is_read()
    {
        static byte[] Sheet(int rows)
        {
            using var stream = new MemoryStream();
            stream.SaveAs(Enumerable.Range(1, rows).Select(i => new { title = $"事例{i}" }));
            return stream.ToArray();
        }

        Assert.Equal(SpreadsheetReader.MaxSheetRows, SpreadsheetReader.Read(Sheet(SpreadsheetReader.MaxSheetRows)).Rows.Count);
        var error = Assert.Throws<UnreadableFileException>(() => SpreadsheetReader.Read(Sheet(SpreadsheetReader.MaxSheetRows + 1)));
        Assert.Contains("行が多すぎます", error.Message);
    }

    [Fact]
    public void A_csv_with_more_rows_than_the_limit_is_refused()
    {
        var csv = new StringBuilder("title\n");
        for (var i = 0; i <= SpreadsheetReader.MaxSheetRows; i++)
            csv.Append("x\n");

        var error = Assert.Throws<UnreadableFileException>(() => SpreadsheetReader.Read(Encoding.UTF8.GetBytes(csv.ToString())));
        Assert.Contains("行が多すぎます", error.Message);
    }
}
