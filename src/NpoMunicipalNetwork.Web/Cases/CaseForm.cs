
namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// The case edit form ↔ <see cref="CaseContent"/>. Lists (partners, budgets, links) are one item per
/// line in a text area, which needs no script and pastes straight from a spreadsheet.
/// </summary>
public static class CaseForm
{
    public static void Fill(FormState form, CaseContent c)
    {
        form.Values["title"] = c.Title;
        form.Values["summary"] = c.Summary;
        form.Values["background"] = c.Background;
        form.Values["activities"] = c.Activities;
        form.Values["partnersAndRoles"] = c.PartnersAndRoles;
        form.Values["outcomes"] = c.Outcomes;
        form.Values["lessons"] = c.Lessons;
        form.Values["startFiscalYear"] = c.StartFiscalYear == 0 ? "" : c.StartFiscalYear.ToString(CultureInfo.InvariantCulture);
        form.Values["endFiscalYear"] = c.EndFiscalYear?.ToString(CultureInfo.InvariantCulture);
        form.Values["relationshipType"] = c.RelationshipType?.Code();
        form.Values["fields"] = c.FieldCodes.ToArray();
        form.Values["methods"] = c.MethodCodes.ToArray();
        form.Values["partners"] = string.Join('\n', c.Partners.Select(p => p.CorporateNumber is { Length: > 0 } n ? $"{p.Name} | {n}" : p.Name));
        form.Values["budgets"] = string.Join('\n', c.Budgets.Select(b => $"{b.FiscalYear}: {b.AmountYen}"));
        form.Values["links"] = string.Join('\n', c.Links.Select(l => $"{l.Title} | {l.Url}"));
        form.Values["adaptedFrom"] = string.Join(", ", c.AdaptedFromCaseIds);
        form.Values["owner"] = c.OwnerDepartmentId?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Reads what the form says; format problems go into <paramref name="form"/>, content rules are checked afterwards by <see cref="CaseRules"/>.</summary>
    public static CaseContent Read(FormState form, IReadOnlyList<ContentAttachment> attachments)
    {
        string Text(string key) => (form.Text(key) ?? "").Replace("\r\n", "\n");
        return new CaseContent
        {
            Title = Text("title"), Summary = Text("summary"), Background = Text("background"), Activities = Text("activities"),
            PartnersAndRoles = Text("partnersAndRoles"), Outcomes = Text("outcomes"), Lessons = Text("lessons"),
            StartFiscalYear = Year(form, "startFiscalYear", "開始年度", required: true) ?? 0,
            EndFiscalYear = Year(form, "endFiscalYear", "終了年度", required: false),
            RelationshipType = RelationshipTypeNames.FromCodeOrName(form.Text("relationshipType")),
            FieldCodes = form.Many("fields").Where(v => v.Length > 0).ToList(),
            MethodCodes = form.Many("methods").Where(v => v.Length > 0).ToList(),
            Partners = Lines(form, "partners", "協働・支援の相手", (name, rest) => new CasePartner(name, rest is null ? null : CorporateNumber.Normalize(rest))),
            Budgets = Budgets(form),
            Links = Lines(form, "links", "関連リンク", (title, url) => url is null ? null : new CaseLink(title, url)),
            Attachments = attachments,
            AdaptedFromCaseIds = CaseIds(form),
            OwnerDepartmentId = int.TryParse(form.Text("owner"), out var o) ? o : null,
        };
    }

    private static int? Year(FormState form, string key, string label, bool required)
    {
        var text = form.Text(key)?.Normalize(System.Text.NormalizationForm.FormKC);
        if (string.IsNullOrEmpty(text))
        {
            if (required)
                form.Error(key, $"{label}を西暦4桁で入力してください（例: 2008）。");
            return null;
        }
        if (int.TryParse(text.TrimEnd('年', '度'), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return year;
        form.Error(key, $"{label}は西暦4桁の半角数字で入力してください（例: 2008）。");
        return null;
    }

    /// <summary>"名称 | 補足" lines; <paramref name="make"/> returns null when the line lacks what it needs.</summary>
    private static List<T> Lines<T>(FormState form, string key, string label, Func<string, string?, T?> make) where T : class
    {
        var result = new List<T>();
        var lines = (form.Text(key) ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            var bar = line.IndexOfAny(['|', '｜']);
            var head = (bar < 0 ? line : line[..bar]).Trim();
            var rest = bar < 0 ? null : line[(bar + 1)..].Trim();
            if (make(head, string.IsNullOrEmpty(rest) ? null : rest) is { } item)
                result.Add(item);
            else
                form.Error(key, $"{label}の{i + 1}行目は「表示名 | URL」の形で入力してください。");
        }
        return result;
    }

    private static List<CaseBudget> Budgets(FormState form)
    {
        var result = new List<CaseBudget>();
        var lines = (form.Text("budgets") ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Normalize(System.Text.NormalizationForm.FormKC).Trim();
            if (line.Length == 0)
                continue;
            var parts = line.Split(':', 2);
            var amountText = parts.Length == 2 ? parts[1].Replace(",", "").Replace("円", "").Trim() : "";
            if (parts.Length == 2 && int.TryParse(parts[0].Trim().TrimEnd('年', '度'), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && long.TryParse(amountText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
                result.Add(new CaseBudget(year, amount));
            else
                form.Error("budgets", $"予算額の{i + 1}行目は「2008: 1200000」（年度: 円）の形で入力してください。");
        }
        return result;
    }

    private static List<int> CaseIds(FormState form)
    {
        var result = new List<int>();
        foreach (var part in (form.Text("adaptedFrom") ?? "").Normalize(System.Text.NormalizationForm.FormKC).Split([',', '、', ' '], StringSplitOptions.RemoveEmptyEntries))
            if (int.TryParse(part.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                result.Add(id);
            else
                form.Error("adaptedFrom", $"参考にした事例は事例番号（半角数字）をカンマで区切って入力してください（「{part}」は番号ではありません）。");
        return result.Distinct().ToList();
    }
}
