using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Cases.Exchange;

/// <summary>A problem found in an uploaded file: row 0 is the file or its header row.</summary>
public sealed record ImportProblem(int Row, string Column, string Message);

/// <summary>One data row as read: the id it names (if any), its content, and what could not be read.</summary>
public sealed record ParsedRow(int Row, int? Id, string? MemberCode, CaseContent Content, IReadOnlyList<ImportProblem> Problems, IReadOnlySet<string> FailedKeys);

/// <summary>
/// Turns spreadsheet rows into <see cref="CaseContent"/>: checks the header against <see cref="CaseColumns"/>
/// and reads each cell's notation (lists, "name|number", "year:yen"), accepting what people type in Excel:
/// full-width digits, 年度 and 円, thousands separators, 、 or ； between codes, an apostrophe before a formula-like cell.
/// Whether the content is acceptable is <see cref="CaseRules.Validate"/>'s job, not this class's.
/// </summary>
public sealed class CaseRowParser
{
    private readonly Dictionary<CaseColumn, int> _index;

    private CaseRowParser(Dictionary<CaseColumn, int> index) => _index = index;

    /// <summary>Every editable column must be there; read-only ones may be; nothing else may.</summary>
    public static CaseRowParser? ForHeader(IReadOnlyList<string> header, List<ImportProblem> problems)
    {
        var index = new Dictionary<CaseColumn, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var label = Clean(header[i]).Trim();
            if (label.Length == 0)
                continue;
            var column = CaseColumns.All.FirstOrDefault(c => c.Label == label);
            if (column is null)
                problems.Add(new ImportProblem(0, label, $"列「{label}」はテンプレートにない列です。列名はテンプレートのとおりにしてください（項目説明を参照）。"));
            else if (!index.TryAdd(column, i))
                problems.Add(new ImportProblem(0, label, $"列「{label}」が2回以上あります。"));
        }
        foreach (var missing in CaseColumns.All.Where(c => c.Editable && !index.ContainsKey(c)))
            problems.Add(new ImportProblem(0, missing.Label, $"列「{missing.Label}」がありません。テンプレートの列をすべて残してください（使わない列は空欄のままで構いません）。"));
        return problems.Count == 0 ? new CaseRowParser(index) : null;
    }

    public static bool IsBlank(string[] cells) => cells.All(c => string.IsNullOrWhiteSpace(c));

    public ParsedRow Parse(int row, string[] cells, CaseVocabulary vocabulary)
    {
        var problems = new List<ImportProblem>();
        var failed = new HashSet<string>();
        void Problem(CaseColumn column, string message)
        {
            problems.Add(new ImportProblem(row, column.Label, message));
            failed.Add(column.Key);
        }
        string Cell(CaseColumn column) => _index.TryGetValue(column, out var i) && i < cells.Length ? Clean(cells[i]).Trim() : "";

        int? Int(CaseColumn column, string what)
        {
            var s = Number(Cell(column)).Replace("年度", "");
            if (s.Length == 0)
                return null;
            if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                return n;
            Problem(column, $"{what}「{Cell(column)}」は整数で入力してください。");
            return null;
        }

        var id = Int(CaseColumns.Id, "ID");
        if (id is <= 0)
            Problem(CaseColumns.Id, "IDは1以上の整数か、新しい事例なら空欄にしてください。");

        string? memberCode = Number(Cell(CaseColumns.MemberCode));
        if (memberCode.Length == 5 && memberCode.All(char.IsAsciiDigit))
            memberCode = "0" + memberCode; // Excel drops the leading zero of 01xxxx–09xxxx
        if (memberCode.Length == 0)
            memberCode = null;
        else if (LocalGovernmentCode.Validate(memberCode) is { } bad)
            Problem(CaseColumns.MemberCode, bad);

        var start = Int(CaseColumns.StartFiscalYear, "開始年度");
        var end = Int(CaseColumns.EndFiscalYear, "終了年度");

        var typeText = Cell(CaseColumns.RelationshipType);
        var type = RelationshipTypeNames.FromCodeOrName(typeText);
        if (typeText.Length > 0 && type is null)
            Problem(CaseColumns.RelationshipType, $"関係区分「{typeText}」はありません。支援・協働・外部委託のいずれかを入力してください。");

        // Names are accepted for readability; what is stored is the code.
        var fields = List(Cell(CaseColumns.Fields)).Select(x => vocabulary.Field(x)?.Code ?? x).ToList();
        var methods = List(Cell(CaseColumns.Methods)).Select(x => vocabulary.Method(x)?.Code ?? x).ToList();

        var partners = new List<CasePartner>();
        foreach (var line in Lines(Cell(CaseColumns.Partners)))
        {
            // Only a number after the last bar is a corporate number; a bar inside a name stays in the name.
            var (name, number) = Pair(line);
            if (number.Length == 0 || !Number(number).All(ch => char.IsAsciiDigit(ch) || ch is '-' or ' '))
                (name, number) = (line.Trim(), "");
            partners.Add(new CasePartner(name, number.Length == 0 ? null : CorporateNumber.Normalize(number) is { Length: 13 } n ? n : number));
        }

        var budgets = new List<CaseBudget>();
        foreach (var line in Lines(Cell(CaseColumns.Budgets)))
        {
            var parts = Number(line).Replace("年度", "").Replace("円", "").Replace(",", "").Replace(" ", "").Split([':', '='], 2);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
                && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yen))
                budgets.Add(new CaseBudget(year, yen));
            else
                Problem(CaseColumns.Budgets, $"予算額「{line}」は「2005:1200000」（年度:円）の形で、1行に1年度ずつ入力してください。");
        }

        var links = new List<CaseLink>();
        foreach (var line in Lines(Cell(CaseColumns.Links)))
        {
            // The URL is what follows the last bar that starts one; a line without a title is its own title.
            var at = Math.Max(line.LastIndexOf("|http", StringComparison.OrdinalIgnoreCase), line.LastIndexOf("｜http", StringComparison.OrdinalIgnoreCase));
            links.Add(at < 0 ? new CaseLink(line, line) : new CaseLink(line[..at].Trim(), line[(at + 1)..].Trim()));
        }

        var adapted = new List<int>();
        foreach (var item in List(Cell(CaseColumns.AdaptedFrom)))
            if (int.TryParse(Number(item), NumberStyles.Integer, CultureInfo.InvariantCulture, out var source) && source > 0)
                adapted.Add(source);
            else
                Problem(CaseColumns.AdaptedFrom, $"参考にした事例「{item}」は事例のID（整数）で入力してください。");

        var content = new CaseContent
        {
            Title = Cell(CaseColumns.Title), Summary = Cell(CaseColumns.Summary), Background = Cell(CaseColumns.Background),
            Activities = Cell(CaseColumns.Activities), PartnersAndRoles = Cell(CaseColumns.PartnersAndRoles), Outcomes = Cell(CaseColumns.Outcomes),
            Lessons = Cell(CaseColumns.Lessons), StartFiscalYear = start ?? 0, EndFiscalYear = end, RelationshipType = type,
            FieldCodes = fields, MethodCodes = methods, Partners = partners, Budgets = budgets, Links = links, AdaptedFromCaseIds = adapted.Distinct().ToList(),
        };
        return new ParsedRow(row, id, memberCode, content, problems, failed);
    }

    /// <summary>Line ends as the sheet stored them, and the apostrophe the export put before a formula-like cell.</summary>
    private static string Clean(string cell)
    {
        var s = cell.Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF');
        return s.Length > 1 && s[0] == '\'' && s[1] is '=' or '+' or '-' or '@' or '\t' or '\n' ? s[1..] : s;
    }

    /// <summary>Full-width digits and signs become ASCII (NFKC), as Japanese input methods often type them.</summary>
    private static string Number(string s) => s.Normalize(NormalizationForm.FormKC).Trim();

    private static IEnumerable<string> Lines(string cell) =>
        cell.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> List(string cell) =>
        cell.Split([';', '；', '、', ',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (string, string) Pair(string line)
    {
        var at = line.LastIndexOfAny(['|', '｜']);
        return at < 0 ? (line.Trim(), "") : (line[..at].Trim(), line[(at + 1)..].Trim());
    }
}
