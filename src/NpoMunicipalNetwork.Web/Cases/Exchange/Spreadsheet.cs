using System.Data;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace NpoMunicipalNetwork.Cases.Exchange;

/// <summary>A named table of text cells: what the exports, templates and codebook downloads write.</summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string>> Rows);

/// <summary>
/// Writes sheets the way Excel in Japan opens them: CSV as UTF-8 with a BOM and CRLF line ends (without
/// the BOM Excel reads it as Shift_JIS and garbles it), cells that would start a formula escaped with
/// an apostrophe (which the import strips again); XLSX with MiniExcel, which needs no System.Drawing.
/// </summary>
public static class Spreadsheet
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteCsvAsync(Stream stream, Sheet sheet, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n", InjectionOptions = InjectionOptions.Escape };
        await using var csv = new CsvWriter(writer, config, leaveOpen: true);
        foreach (var h in sheet.Header)
            csv.WriteField(h);
        await csv.NextRecordAsync();
        foreach (var row in sheet.Rows)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var cell in row)
                csv.WriteField(cell.Replace("\r\n", "\n").Replace("\n", "\r\n"));
            await csv.NextRecordAsync();
        }
    }

    /// <summary>Each sheet becomes a worksheet; every cell is text, so codes keep their leading zeros.</summary>
    public static async Task WriteXlsxAsync(Stream stream, IReadOnlyList<Sheet> sheets, CancellationToken ct)
    {
        var book = new Dictionary<string, object>();
        foreach (var sheet in sheets)
        {
            var table = new DataTable(sheet.Name);
            foreach (var h in sheet.Header)
                table.Columns.Add(h, typeof(string));
            foreach (var row in sheet.Rows)
                table.Rows.Add(row.Cast<object>().ToArray());
            book[sheet.Name] = table;
        }
        // MiniExcel needs a seekable stream for the zip; the response body is not one.
        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(book, excelType: ExcelType.XLSX, cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, ct);
    }

    public static IResult Csv(Sheet sheet, string fileName) => new FileResult(fileName, CsvType, (s, ct) => WriteCsvAsync(s, sheet, ct));

    public static IResult Xlsx(IReadOnlyList<Sheet> sheets, string fileName) => new FileResult(fileName, XlsxType, (s, ct) => WriteXlsxAsync(s, sheets, ct));

    private sealed record FileResult(string FileName, string ContentType, Func<Stream, CancellationToken, Task> Write) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{Ascii(FileName)}\"; filename*=UTF-8''{Uri.EscapeDataString(FileName)}";
            await Write(http.Response.Body, http.RequestAborted);
        }

        private static string Ascii(string name) => new(name.Select(ch => ch is >= ' ' and < (char)127 and not '"' and not '\\' ? ch : '_').ToArray());
    }
}
