
namespace NpoMunicipalNetwork.Cases;

/// <summary>A problem with one field of a case, named the way the form and the spreadsheet name it.</summary>
public sealed record CaseProblem(string Field, string Message);

/// <summary>
/// The rules every case meets however it arrives (form, import row, recipe, API), so a spreadsheet
/// can never store what the form would refuse.
/// </summary>
public static class CaseRules
{
    public const int FirstFiscalYear = 1990;
    public const int MaxPartners = 30;
    public const int MaxLinks = 20;
    public const int MaxAttachments = 20;
    public const long MaxBudgetYen = 1_000_000_000_000;

    /// <summary>Field keys and their Japanese labels (form field names; spreadsheet columns use the same labels).</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["title"] = "事例名",
        ["summary"] = "概要",
        ["background"] = CaseSections.Background,
        ["activities"] = CaseSections.Activities,
        ["partnersAndRoles"] = CaseSections.PartnersAndRoles,
        ["outcomes"] = CaseSections.Outcomes,
        ["lessons"] = CaseSections.Lessons,
        ["startFiscalYear"] = "開始年度",
        ["endFiscalYear"] = "終了年度",
        ["relationshipType"] = "関係区分",
        ["fields"] = "政策分野",
        ["methods"] = "手法",
        ["partners"] = "協働・支援の相手",
        ["budgets"] = "予算額",
        ["links"] = "関連リンク",
        ["attachments"] = "添付ファイル",
        ["adaptedFrom"] = "参考にした事例",
        ["owner"] = "担当課",
    };

    public static List<CaseProblem> Validate(CaseContent c, CaseVocabulary vocabulary, int currentFiscalYear)
    {
        var problems = new List<CaseProblem>();
        void Problem(string field, string message) => problems.Add(new CaseProblem(field, message));
        // A code of the vocabulary must name a term that is registered and still in use.
        T? InUse<T>(string field, string label, string shortLabel, string code, T? term) where T : VocabularyTerm
        {
            if (term is null)
                Problem(field, $"{label}「{code}」は登録されていません。事例データベースの項目説明にある{shortLabel}を使ってください。");
            else if (term.IsRetired)
                Problem(field, $"{label}「{term.Name}」は現在使われていません。別の{shortLabel}を選んでください。");
            else
                return term;
            return null;
        }

        Text("title", c.Title, PolicyCase.TitleLength, required: true);
        Text("summary", c.Summary, PolicyCase.SummaryLength, required: true);
        Text("background", c.Background, PolicyCase.SectionLength, required: false);
        Text("activities", c.Activities, PolicyCase.SectionLength, required: true);
        Text("partnersAndRoles", c.PartnersAndRoles, PolicyCase.SectionLength, required: false);
        Text("outcomes", c.Outcomes, PolicyCase.SectionLength, required: false);
        Text("lessons", c.Lessons, PolicyCase.SectionLength, required: false);

        var lastYear = currentFiscalYear + 5;
        if (c.StartFiscalYear < FirstFiscalYear || c.StartFiscalYear > currentFiscalYear + 1)
            Problem("startFiscalYear", $"開始年度は {FirstFiscalYear}〜{currentFiscalYear + 1} の西暦で入力してください。");
        if (c.EndFiscalYear is { } end && (end < c.StartFiscalYear || end > lastYear))
            Problem("endFiscalYear", $"終了年度は開始年度以降、{lastYear} 年度までの西暦で入力してください（継続中なら空欄）。");

        if (c.RelationshipType is not { } type)
            Problem("relationshipType", "関係区分（支援・協働・外部委託）を選んでください。");

        if (c.FieldCodes.Count == 0)
            Problem("fields", "政策分野を1つ以上選んでください。");
        foreach (var code in c.FieldCodes)
            InUse("fields", "政策分野", "分野", code, vocabulary.Field(code));
        if (c.FieldCodes.Count != c.FieldCodes.Distinct(StringComparer.OrdinalIgnoreCase).Count())
            Problem("fields", "政策分野が重複しています。");

        foreach (var code in c.MethodCodes)
        {
            if (InUse("methods", "手法", "手法", code, vocabulary.Method(code)) is not { } method)
                continue;
            if (c.RelationshipType is { } t && !method.RelationshipTypes.Includes(t))
                Problem("methods", $"手法「{method.Name}」は関係区分「{t.Japanese()}」では使えません（{string.Join("・", RelationshipTypeNames.All.Where(x => method.RelationshipTypes.Includes(x)).Select(x => x.Japanese()))}の手法です）。");
        }

        if (c.Partners.Count > MaxPartners)
            Problem("partners", $"協働・支援の相手は{MaxPartners}件までです。");
        foreach (var p in c.Partners)
        {
            if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 200)
                Problem("partners", "協働・支援の相手の名称は1〜200文字で入力してください。");
            if (p.CorporateNumber is { Length: > 0 } number && !CorporateNumber.IsValid(number))
                Problem("partners", $"「{p.Name}」の法人番号「{number}」が正しくありません（13桁の数字で、先頭はチェック用の数字です）。");
        }

        foreach (var b in c.Budgets)
        {
            if (b.FiscalYear < FirstFiscalYear || b.FiscalYear > lastYear)
                Problem("budgets", $"予算額の年度 {b.FiscalYear} は {FirstFiscalYear}〜{lastYear} の範囲で入力してください。");
            if (b.AmountYen < 0)
                Problem("budgets", $"{b.FiscalYear}年度の予算額がマイナスです。0以上の円単位の金額を入力してください。");
            else if (b.AmountYen > MaxBudgetYen)
                Problem("budgets", $"{b.FiscalYear}年度の予算額が大きすぎます（1兆円未満で入力してください）。");
        }
        if (c.Budgets.Select(b => b.FiscalYear).Distinct().Count() != c.Budgets.Count)
            Problem("budgets", "同じ年度の予算額が2回以上あります。");

        if (c.Links.Count > MaxLinks)
            Problem("links", $"関連リンクは{MaxLinks}件までです。");
        foreach (var l in c.Links)
        {
            if (string.IsNullOrWhiteSpace(l.Title) || l.Title.Length > 200)
                Problem("links", "関連リンクの表示名は1〜200文字で入力してください。");
            if (!Uri.TryCreate(l.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || l.Url.Length > 500)
                Problem("links", $"関連リンク「{l.Url}」は http:// または https:// で始まる500文字以内のURLにしてください。");
        }
        if (c.Attachments.Count > MaxAttachments)
            Problem("attachments", $"添付ファイルは{MaxAttachments}件までです。");
        foreach (var a in c.Attachments)
            if (string.IsNullOrWhiteSpace(a.Title) || a.Title.Length > 200)
                Problem("attachments", "添付ファイルの表示名は1〜200文字で入力してください。");
        return problems;

        void Text(string key, string value, int max, bool required)
        {
            if (required && !Forms.TextInput.HasVisible(value))
                Problem(key, $"{Labels[key]}を入力してください。");
            else if (value.Length > max)
                Problem(key, $"{Labels[key]}は{max}文字以内で入力してください（現在{value.Length}文字）。");
        }
    }

    public static void CopyTo(IEnumerable<CaseProblem> problems, FormState form)
    {
        foreach (var p in problems)
            form.Error(p.Field, p.Message);
    }
}
