using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace NpoMunicipalNetwork.Cases.Exchange;

/// <summary>The cells of an uploaded sheet: the header row, then the data rows (row numbers as the spreadsheet counts them).</summary>
public sealed record SheetData(IReadOnlyList<string> Header, IReadOnlyList<(int Row, string[] Cells)> Rows);

/// <summary>The file could not be read at all; the message tells the person what to do.</summary>
public sealed class UnreadableFileException(string message) : Exception(message);

/// <summary>
/// Reads an uploaded XLSX (recognised by its zip signature) or CSV. A CSV may be UTF-8 with or without a
/// BOM, UTF-16 with a BOM, or Shift_JIS (what Excel in Japan saves as plain "CSV (コンマ区切り)");
/// bytes that are none of these are refused with the way to save the file as UTF-8.
/// </summary>
public static class SpreadsheetReader
{
    public const string SaveAsUtf8Advice =
        "文字コードを判別できませんでした。Excelの「名前を付けて保存」で、ファイルの種類に「CSV UTF-8（コンマ区切り）」を選んで保存し直してから、もう一度アップロードしてください。";

    /// <summary>
    /// What an XLSX may expand to. An .xlsx is a zip of XML, and XML of repeated cells compresses a thousandfold: a
    /// 305 KB upload once expanded to a 300 MB sheet and took the process from 288 MB to 6.2 GB. A real sheet of the
    /// largest import (2,000 cases) is a few MB.
    /// </summary>
    public const long MaxExpandedBytes = 64L * 1024 * 1024;

    /// <summary>Rows read at most, blank ones included (the import itself takes 2,000 cases).</summary>
    public const int MaxSheetRows = 20_000;

    /// <summary>Columns of the header row at most (the template has about 30).</summary>
    public const int MaxColumns = 200;

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsXlsx(ReadOnlySpan<byte> data) => data.Length >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4;

    public static SheetData Read(byte[] data)
    {
        if (data.Length == 0)
            throw new UnreadableFileException("ファイルが空です。");
        return IsXlsx(data) ? ReadXlsx(data) : ReadCsv(Decode(data));
    }

    /// <summary>The text of a CSV file, or an <see cref="UnreadableFileException"/> saying how to save it as UTF-8.</summary>
    public static string Decode(byte[] data)
    {
        ReadOnlySpan<byte> bytes = data;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Strict(new UTF8Encoding(false, true), data, 3) ?? throw new UnreadableFileException(SaveAsUtf8Advice);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Strict(new UnicodeEncoding(false, false, true), data, 2) ?? throw new UnreadableFileException(SaveAsUtf8Advice);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Strict(new UnicodeEncoding(true, false, true), data, 2) ?? throw new UnreadableFileException(SaveAsUtf8Advice);
        // Valid UTF-8 is almost never valid by accident, so it is tried first; Shift_JIS (code page 932, as Windows writes it) second.
        return Strict(new UTF8Encoding(false, true), data, 0)
            ?? Strict(Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), data, 0)
            ?? throw new UnreadableFileException(SaveAsUtf8Advice);
    }

    private static string? Strict(Encoding encoding, byte[] data, int offset)
    {
        try
        {
            var text = encoding.GetString(data, offset, data.Length - offset);
            // Control characters other than tab and line ends mean binary data decoded by luck.
            return text.Any(ch => char.IsControl(ch) && ch is not ('\t' or '\r' or '\n')) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static SheetData ReadCsv(string text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, DetectDelimiter = false };
        using var csv = new CsvParser(new StringReader(text), config);
        var rows = new List<(int, string[])>();
        string[]? header = null;
        try
        {
            while (csv.Read())
            {
                var record = csv.Record ?? [];
                if (header is null)
                    header = record;
                else if (rows.Count == MaxSheetRows)
                    throw TooManyRows();
                else
                    rows.Add((csv.Row, record));
            }
        }
        catch (CsvHelperException)
        {
            throw new UnreadableFileException("CSVの形式を読み取れませんでした（引用符「\"」の閉じ忘れなど）。テンプレートをもとに保存し直してください。");
        }
        if (header is null)
            throw new UnreadableFileException("見出しの行がありません。テンプレートの1行目（列名）を残してください。");
        return new SheetData(header, rows);
    }

    private static SheetData ReadXlsx(byte[] data)
    {
        try
        {
            CheckExpandedSize(data);
            using var stream = new MemoryStream(data);
            var sheet = stream.GetSheetNames().FirstOrDefault()
                ?? throw new UnreadableFileException("Excelファイルにシートがありません。");
            stream.Position = 0;
            // Rows are read one at a time and counted, so an oversized sheet is refused before it fills memory.
            using var rows = stream.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!rows.MoveNext())
                throw new UnreadableFileException("見出しの行がありません。テンプレートの1行目（列名）を残してください。");
            // Rows come keyed by column letter (A, B, …, AA); the header decides how many columns count.
            var letters = rows.Current.Keys.ToList();
            if (letters.Count > MaxColumns)
                throw new UnreadableFileException($"列が多すぎます（{letters.Count:#,0}列）。テンプレートの列（{MaxColumns}列まで）だけを残して保存し直してください。");
            string[] Cells(IDictionary<string, object?> row) => letters.Select(l => row.TryGetValue(l, out var v) ? Text(v) : "").ToArray();
            var header = Cells(rows.Current);
            while (header.Length > 0 && header[^1].Length == 0)
                header = header[..^1];
            var body = new List<(int, string[])>();
            while (rows.MoveNext())
            {
                if (body.Count == MaxSheetRows)
                    throw TooManyRows();
                body.Add((body.Count + 2, Cells(rows.Current)));
            }
            return new SheetData(header, body);
        }
        catch (UnreadableFileException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or System.Xml.XmlException)
        {
            throw new UnreadableFileException("Excelファイル（.xlsx）を読み取れませんでした。ファイルが壊れていないか、パスワードがかかっていないかご確認ください。");
        }
    }

    private static UnreadableFileException TooManyRows() =>
        new($"行が多すぎます（空の行を含めて{MaxSheetRows:#,0}行を超えています）。使っていない行を削除するか、ファイルを分けてください。");

    /// <summary>The sizes the zip declares for its parts, before anything is expanded (a part that expands beyond its declared size fails to read).</summary>
    private static void CheckExpandedSize(byte[] data)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(data), System.IO.Compression.ZipArchiveMode.Read);
        long total = 0;
        foreach (var entry in zip.Entries)
            if ((total += entry.Length) > MaxExpandedBytes)
                throw new UnreadableFileException($"Excelファイルの中身が大きすぎます（展開すると{MaxExpandedBytes / 1024 / 1024} MBを超えます）。使っていない行・列・書式を削除するか、CSV（UTF-8）で保存し直してください。");
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
