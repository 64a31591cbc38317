
namespace NpoMunicipalNetwork.OpenData;

/// <summary>What the bundle says about itself: the README (licence, date, files), LICENSE.txt and the codebook in Markdown and JSON.</summary>
public static class OpenDataDocuments
{
    public const string Publisher = "NPO活動推進自治体ネットワーク";

    public const string Conventions =
        "CSV は UTF-8（BOM 付き）、改行は CRLF、1行目が列名です。数式に見えるセル（= + - @ で始まるもの）は、表計算ソフトで実行されないよう先頭にアポストロフィ（'）を付けています。" +
        "JSON は UTF-8 で、{ dataset, title, builtAt, licence, count, items } の形です。items の各要素のキーは、この項目説明の「キー」です。" +
        "日時は ISO 8601 形式の日本時間（+09:00）、日付は YYYY-MM-DD、空欄（JSON では null）は情報がないことを表します。";

    public static string Readme(IReadOnlyList<OpenDataTable> tables, DateTime builtUtc, string licence, string? licenceUrl, string baseUrl)
    {
        var jst = JapanTime.ToJst(builtUtc);
        var sb = new StringBuilder();
        sb.AppendLine($"# {Publisher} オープンデータ").AppendLine();
        sb.AppendLine($"作成日時: {JapanTime.FormatDateTime(builtUtc)}（{jst:yyyy-MM-dd'T'HH:mm:ss}+09:00）").AppendLine();
        sb.AppendLine($"提供: {Publisher}{(baseUrl.Length > 0 ? $"（{baseUrl}/opendata）" : "")}").AppendLine();
        sb.AppendLine("## ライセンス").AppendLine();
        sb.AppendLine($"このデータは「{licence}」のもとで提供します。{(licenceUrl is null ? "" : $"ライセンスの内容: {licenceUrl}")}").AppendLine();
        sb.AppendLine($"利用するときは、出典を「{Publisher} オープンデータ（{jst:yyyy年M月d日}作成）」のように表示してください。").AppendLine();
        sb.AppendLine("団体名簿（governments）のもとになった全国地方公共団体コードの一覧は code4fukui/localgovjp（CC0）によります。").AppendLine();
        sb.AppendLine("## 収録しているファイル").AppendLine();
        foreach (var t in tables)
            sb.AppendLine($"- {t.Name}.csv / {t.Name}.json — {t.Title}（{t.Count:#,0}件）: {t.Description}");
        sb.AppendLine("- codebook.md / codebook.json — 各ファイルの列の説明（項目説明）");
        sb.AppendLine("- LICENSE.txt — ライセンス").AppendLine();
        sb.AppendLine("## 形式").AppendLine();
        sb.AppendLine(Conventions).AppendLine();
        sb.AppendLine("公開中の情報だけを収録しています。下書き・承認待ち・公開終了のもの、停止中の会員サイトのもの、会員限定の資料、参加申込などの個人情報は含みません。" +
            "「見本」（isSample が true）の行は、サイトの見本として作った架空の内容です。");
        return sb.ToString();
    }

    public static string Licence(string licence, string? licenceUrl, DateTime builtUtc) =>
        $"{Publisher} オープンデータ（{JapanTime.FormatDateTime(builtUtc)} 作成）\r\n\r\n" +
        $"ライセンス: {licence}\r\n" + (licenceUrl is null ? "" : $"{licenceUrl}\r\n") +
        $"\r\n権利者: {Publisher} および各会員団体\r\n";

    public static string CodebookMarkdown(IReadOnlyList<OpenDataTable> tables, DateTime builtUtc, string licence)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# 項目説明（{Publisher} オープンデータ）").AppendLine();
        sb.AppendLine($"作成日時: {JapanTime.FormatDateTime(builtUtc)}　ライセンス: {licence}").AppendLine();
        sb.AppendLine(Conventions).AppendLine();
        foreach (var t in tables)
        {
            sb.AppendLine($"## {t.Name}.csv / {t.Name}.json — {t.Title}").AppendLine();
            sb.AppendLine($"{t.Description}（{t.Count:#,0}件）").AppendLine();
            sb.AppendLine("| 列名（CSV） | キー（JSON） | 意味 | 型 |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var c in t.Columns)
                sb.AppendLine($"| {Cell(c.Label)} | `{c.Key}` | {Cell(c.Meaning)} | {Cell(c.Type)} |");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    public static object CodebookJson(IReadOnlyList<OpenDataTable> tables, DateTime builtUtc, string licence, string? licenceUrl) => new
    {
        title = $"{Publisher} オープンデータ 項目説明",
        publisher = Publisher,
        builtAt = new DateTimeOffset(DateTime.SpecifyKind(builtUtc, DateTimeKind.Utc)).ToOffset(JapanTime.Offset),
        licence = new { name = licence, url = licenceUrl },
        conventions = Conventions,
        files = tables.Select(t => new
        {
            name = t.Name,
            csv = t.Name + ".csv",
            json = t.Name + ".json",
            title = t.Title,
            description = t.Description,
            rows = t.Count,
            columns = t.Columns.Select(c => new { key = c.Key, label = c.Label, meaning = c.Meaning, type = c.Type }),
        }),
    };

    /// <summary>A Markdown table cell: a pipe would end the cell and a line break the row.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", "").Replace("\n", " ");
}
