namespace NpoMunicipalNetwork.Cases.Exchange;

/// <summary>
/// One column of the case spreadsheet: the export writes it, the import reads it (when <see cref="Editable"/>),
/// the codebook documents it. <see cref="Label"/> is the header cell, identical in export, template and import.
/// </summary>
public sealed record CaseColumn(string Key, string Label, string Meaning, string Type, string Allowed, string Example, bool Editable);

/// <summary>
/// The columns of the case spreadsheet, in order. Editable columns reuse the labels of the edit form
/// (<see cref="CaseRules.Labels"/>), so a validation message names a column the way the form names a field.
/// Read-only columns (member, URLs, dates, attachments) are written by the export and ignored by the
/// import, so an exported file can be edited and uploaded again as it is.
/// </summary>
public static class CaseColumns
{
    /// <summary>Between codes or ids inside one cell. The import also accepts 、 ， ; ； and line breaks.</summary>
    public const string ListSeparator = ";";

    /// <summary>Between a name and its number (partners) or a title and its URL (links), one item per line.</summary>
    public const string PairSeparator = "|";

    public static readonly CaseColumn Id = new("id", "ID", "事例の番号。空欄の行は新しい事例として登録し、このサイトの事例の番号がある行はその事例を更新します。", "整数", "空欄、またはこのサイトの事例の番号", "12", true);
    public static readonly CaseColumn MemberCode = new("memberCode", "団体コード", "事例を登録した会員団体の全国地方公共団体コード（6桁、検査数字つき）。取り込みでは、記入があれば取り込むサイトの団体と一致するか確認します。", "文字列（6桁の数字）", "全国地方公共団体コード", "120006", false);
    public static readonly CaseColumn MemberName = new("memberName", "団体名", "事例を登録した会員団体の名称。", "文字列", "", "千葉県", false);
    public static readonly CaseColumn Prefecture = new("prefecture", "都道府県", "会員団体の所在する都道府県。", "文字列", "47都道府県名", "千葉県", false);
    public static readonly CaseColumn Title = new("title", CaseRules.Labels["title"], "事例の名称。", "文字列（必須）", $"{PolicyCase.TitleLength}文字以内", "NPOとの協働事業提案制度", true);
    public static readonly CaseColumn Summary = new("summary", CaseRules.Labels["summary"], "一覧や検索結果に表示する短い説明。", "文字列（必須）", $"{PolicyCase.SummaryLength}文字以内", "NPOから協働事業の提案を募り、県と共同で実施する仕組み。", true);
    public static readonly CaseColumn Background = new("background", CaseRules.Labels["background"], "取組を始めた背景と、解決したい課題。", "文字列（複数行可）", $"{PolicyCase.SectionLength:#,0}文字以内", "地域課題が多様になり、行政だけでは対応しきれない。", true);
    public static readonly CaseColumn Activities = new("activities", CaseRules.Labels["activities"], "何を、どのように行ったか。", "文字列（必須、複数行可）", $"{PolicyCase.SectionLength:#,0}文字以内", "毎年テーマを示して提案を募集し、公開審査で採択する。", true);
    public static readonly CaseColumn PartnersAndRoles = new("partnersAndRoles", CaseRules.Labels["partnersAndRoles"], "協働の相手と、行政・相手それぞれの役割。", "文字列（複数行可）", $"{PolicyCase.SectionLength:#,0}文字以内", "NPOが企画と運営、県が広報と会場確保を担う。", true);
    public static readonly CaseColumn Outcomes = new("outcomes", CaseRules.Labels["outcomes"], "取組の成果。", "文字列（複数行可）", $"{PolicyCase.SectionLength:#,0}文字以内", "3年間で12件の事業を実施した。", true);
    public static readonly CaseColumn Lessons = new("lessons", CaseRules.Labels["lessons"], "残った課題と、うまく進めるための工夫。", "文字列（複数行可）", $"{PolicyCase.SectionLength:#,0}文字以内", "提案前の意見交換会を設けた。", true);
    public static readonly CaseColumn StartFiscalYear = new("startFiscalYear", CaseRules.Labels["startFiscalYear"], "取組を始めた年度（4月〜翌3月）を西暦で。", "整数（必須）", $"{CaseRules.FirstFiscalYear}〜翌年度", "2005", true);
    public static readonly CaseColumn EndFiscalYear = new("endFiscalYear", CaseRules.Labels["endFiscalYear"], "取組を終えた年度を西暦で。継続中なら空欄。", "整数", "開始年度以降、空欄は継続中", "2008", true);
    public static readonly CaseColumn RelationshipType = new("relationshipType", CaseRules.Labels["relationshipType"], "NPOと行政の関係の区分（項目説明の「支援・協働・外部委託」を参照）。", "語彙（必須）", "支援・協働・外部委託（または support・collaboration・outsourcing）", "協働", true);
    public static readonly CaseColumn Fields = new("fields", CaseRules.Labels["fields"], "政策分野のコード。複数なら「;」で区切ります。名称でも取り込めます。", "語彙のリスト（必須）", "政策分野の一覧のコードまたは名称", "welfare;community", true);
    public static readonly CaseColumn Methods = new("methods", CaseRules.Labels["methods"], "行政の手法のコード。複数なら「;」で区切ります。関係区分で使える手法に限ります。", "語彙のリスト", "手法の一覧のコードまたは名称", "proposal-program;subsidy", true);
    public static readonly CaseColumn Partners = new("partners", CaseRules.Labels["partners"], "協働・支援の相手。1行に1団体、法人番号があれば「|」のあとに書きます。", "行ごとに「名称|法人番号」", $"{CaseRules.MaxPartners}団体まで、法人番号は13桁（検査数字つき）", "NPO法人みどりの会|1234567890123", true);
    public static readonly CaseColumn Budgets = new("budgets", CaseRules.Labels["budgets"], "年度ごとの予算額（円）。1行に1年度、「年度:金額」の形で書きます。", "行ごとに「年度:円」", "0以上1兆円未満の整数、同じ年度は1回", "2005:1200000", true);
    public static readonly CaseColumn Links = new("links", CaseRules.Labels["links"], "関連するウェブページ。1行に1件、「表示名|URL」の形で書きます。", "行ごとに「表示名|URL」", $"{CaseRules.MaxLinks}件まで、http(s) のURL", "事業の紹介|https://example.jp/npo", true);
    public static readonly CaseColumn Attachments = new("attachments", CaseRules.Labels["attachments"], "添付ファイルの表示名（1行に1件）。取り込みでは変更されません（添付は事例の編集画面で登録します）。", "行ごとの文字列", "", "事業報告書", false);
    public static readonly CaseColumn AttachmentUrls = new("attachmentUrls", "添付ファイルのURL", "添付ファイルをダウンロードするURL（1行に1件、表示名と同じ順）。取り込みでは変更されません。", "行ごとのURL", "", "https://example.jp/chiba/cases/12/files/3", false);
    public static readonly CaseColumn AdaptedFrom = new("adaptedFrom", CaseRules.Labels["adaptedFrom"], "参考にした（横展開の元になった）公開中の事例の番号。複数なら「;」で区切ります。", "整数のリスト", "公開中の事例のID", "3;15", true);
    public static readonly CaseColumn Url = new("url", "URL", "事例のページのURL。", "URL", "", "https://example.jp/chiba/cases/12", false);
    public static readonly CaseColumn Sample = new("isSample", "見本", "見本サイトのために作った架空の事例なら「見本」。実際の施策ではありません。", "文字列", "「見本」または空欄", "見本", false);
    public static readonly CaseColumn PublishedDate = new("publishedDate", "公開日", "初めて公開した日（日本時間）。", "日付（YYYY-MM-DD）", "", "2009-04-01", false);

    public static readonly IReadOnlyList<CaseColumn> All =
    [
        Id, MemberCode, MemberName, Prefecture, Title, Summary, Background, Activities, PartnersAndRoles, Outcomes, Lessons,
        StartFiscalYear, EndFiscalYear, RelationshipType, Fields, Methods, Partners, Budgets, Links, Attachments, AttachmentUrls,
        AdaptedFrom, Url, PublishedDate, Sample,
    ];

    public static IReadOnlyList<string> Labels { get; } = All.Select(c => c.Label).ToList();

    /// <summary>The column whose label names a validation problem's field (form keys and column keys are the same).</summary>
    public static string LabelOf(string fieldKey) => All.FirstOrDefault(c => c.Key == fieldKey)?.Label
        ?? (CaseRules.Labels.TryGetValue(fieldKey, out var label) ? label : fieldKey);
}
