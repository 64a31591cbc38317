using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Reports;

/// <summary>
/// The report edit form ↔ <see cref="ReportContent"/>, and the rules a report meets. Lists (authors,
/// contents) are one item per line in a text area, which needs no script.
/// </summary>
public static class ReportForm
{
    public const int FirstFiscalYear = 1990;
    public const int MaxFiles = 10;
    public const int MaxRelatedCases = 50;

    /// <summary>Reports are read as PDF; the field takes nothing else (checked on the bytes).</summary>
    public static readonly Files.FileRules PdfOnly = new([Files.FileKind.Pdf], 30 * 1024 * 1024);

    public static void Fill(FormState form, ReportContent c)
    {
        form.Values["title"] = c.Title;
        form.Values["fiscalYear"] = c.FiscalYear == 0 ? "" : c.FiscalYear.ToString(CultureInfo.InvariantCulture);
        form.Values["authors"] = c.Authors;
        form.Values["summary"] = c.Summary;
        form.Values["toc"] = c.TableOfContents;
        form.Values["body"] = c.Body;
        form.Values["topics"] = c.TopicCodes.ToArray();
        form.Values["relatedCases"] = string.Join(", ", c.RelatedCaseIds);
        form.Values["owner"] = c.OwnerDepartmentId?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Reads and checks the form; problems go into <paramref name="form"/> under the field's key.</summary>
    public static ReportContent Read(FormState form, IReadOnlyList<ContentAttachment> files, CaseVocabulary vocabulary, int currentFiscalYear)
    {
        string Text(string key) => (form.Text(key) ?? "").Replace("\r\n", "\n").Trim();
        var c = new ReportContent
        {
            Title = Text("title"), Authors = Text("authors"), Summary = Text("summary"), TableOfContents = Text("toc"), Body = Text("body"),
            FiscalYear = Year(form, currentFiscalYear),
            TopicCodes = form.Many("topics").Where(v => v.Length > 0).Distinct().ToList(),
            RelatedCaseIds = CaseIds(form),
            Files = files,
            OwnerDepartmentId = int.TryParse(form.Text("owner"), out var o) ? o : null,
        };
        Length(form, "title", "題名", c.Title, Report.TitleLength, required: true);
        Length(form, "summary", "概要", c.Summary, Report.SummaryLength, required: true);
        Length(form, "authors", "執筆者・団体", c.Authors, Report.AuthorsLength, required: true);
        Length(form, "toc", "目次", c.TableOfContents, Report.TableOfContentsLength, required: false);
        Length(form, "body", "本文", c.Body, Report.BodyLength, required: false);
        if (ReportAuthors.Parse(c.Authors).Any(a => a.Name.Length == 0 || a.Name.Length > 100 || a.Organisation?.Length > 200))
            form.Error("authors", "執筆者・団体は1行に1人、「氏名 | 所属」の形で入力してください（氏名は100文字、所属は200文字まで）。");
        foreach (var code in c.TopicCodes)
            if (vocabulary.Field(code) is not { } field)
                form.Error("topics", $"テーマ「{code}」は政策分野にありません。一覧から選んでください。");
            else if (field.IsRetired)
                form.Error("topics", $"テーマ「{field.Name}」は現在使われていません。別の分野を選んでください。");
        if (c.TopicCodes.Count == 0)
            form.Error("topics", "テーマ（政策分野）を1つ以上選んでください。");
        if (c.RelatedCaseIds.Count > MaxRelatedCases)
            form.Error("relatedCases", $"関連する事例は{MaxRelatedCases}件までです。");
        foreach (var f in files)
            if (string.IsNullOrWhiteSpace(f.Title) || f.Title.Length > 200)
                form.Error("files", "PDFの表示名は1〜200文字で入力してください。");
        // Stored by code, whichever way (code or name) the editor gave it.
        return c with { TopicCodes = c.TopicCodes.Select(code => vocabulary.Field(code)?.Code ?? code).Distinct().ToList() };
    }

    private static void Length(FormState form, string key, string label, string value, int max, bool required)
    {
        if (required && !TextInput.HasVisible(value))
            form.Error(key, $"{label}を入力してください。");
        else if (value.Length > max)
            form.Error(key, $"{label}は{max:N0}文字以内で入力してください（いま{value.Length:N0}文字）。");
    }

    private static int Year(FormState form, int currentFiscalYear)
    {
        var text = form.Text("fiscalYear")?.Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimEnd('度').TrimEnd('年');
        if (string.IsNullOrEmpty(text))
        {
            form.Error("fiscalYear", "年度を西暦4桁で入力してください（例: 2024）。");
            return 0;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            form.Error("fiscalYear", "年度は西暦4桁の半角数字で入力してください（例: 2024）。");
            return 0;
        }
        if (year < FirstFiscalYear || year > currentFiscalYear + 1)
            form.Error("fiscalYear", $"年度は {FirstFiscalYear}〜{currentFiscalYear + 1} の西暦で入力してください。");
        return year;
    }

    private static List<int> CaseIds(FormState form)
    {
        var result = new List<int>();
        foreach (var part in (form.Text("relatedCases") ?? "").Normalize(System.Text.NormalizationForm.FormKC).Split([',', '、', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            if (int.TryParse(part.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                result.Add(id);
            else
                form.Error("relatedCases", $"関連する事例は事例番号（半角数字）をカンマで区切って入力してください（「{part}」は番号ではありません）。");
        return result.Distinct().ToList();
    }
}
