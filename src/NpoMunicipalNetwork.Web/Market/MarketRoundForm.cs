
namespace NpoMunicipalNetwork.Market;

/// <summary>
/// The round's edit form ↔ <see cref="MarketRoundContent"/>, and the rules a round meets. The regional issues are a
/// fixed number of field groups (a blank group is simply unused) and the criteria one per line, so no script is needed.
/// </summary>
public static class MarketRoundForm
{
    public const int IssueSlots = 5;
    public const int IssueTitleLength = 200;
    public const int IssueTextLength = 2_000;
    public const int MaxCriteria = 20;
    public const long MaxCeilingYen = 1_000_000_000_000;

    public static void Fill(FormState form, MarketRoundContent c)
    {
        form.Values["title"] = c.Title;
        form.Values["fiscalYear"] = c.FiscalYear == 0 ? "" : c.FiscalYear.ToString(CultureInfo.InvariantCulture);
        form.Values["opensAt"] = c.OpensUtc == default ? "" : JapanTime.ToLocalInput(c.OpensUtc);
        form.Values["closesAt"] = c.ClosesUtc == default ? "" : JapanTime.ToLocalInput(c.ClosesUtc);
        form.Values["eligibility"] = c.Eligibility;
        form.Values["ceiling"] = c.BudgetCeilingYen == 0 ? "" : c.BudgetCeilingYen.ToString(CultureInfo.InvariantCulture);
        form.Values["documents"] = c.RequiredDocuments;
        form.Values["schedule"] = c.Schedule;
        form.Values["criteria"] = string.Join('\n', c.Criteria.Select(x => $"{x.Name} | {x.Weight}"));
        for (var n = 1; n <= IssueSlots; n++)
        {
            var issue = c.Issues.ElementAtOrDefault(n - 1);
            form.Values[$"issueTitle{n}"] = issue?.Title ?? "";
            form.Values[$"issueBackground{n}"] = issue?.Background ?? "";
            form.Values[$"issueContribution{n}"] = issue?.Contribution ?? "";
            form.Values[$"issueSynergy{n}"] = issue?.Synergy ?? "";
        }
        form.Values["owner"] = c.OwnerDepartmentId?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Reads and checks the form; every problem goes into <paramref name="form"/> under its field, in Japanese.</summary>
    public static MarketRoundContent Read(FormState form, int? owner, int currentFiscalYear)
    {
        string Text(string key) => (form.Text(key) ?? "").Replace("\r\n", "\n").Trim();
        var c = new MarketRoundContent
        {
            Title = Text("title"), Eligibility = Text("eligibility"), RequiredDocuments = Text("documents"), Schedule = Text("schedule"),
            FiscalYear = Year(form, currentFiscalYear), BudgetCeilingYen = Ceiling(form),
            OpensUtc = JapanTime.ParseLocal(form, "opensAt", "受付開始日時") ?? default,
            ClosesUtc = JapanTime.ParseLocal(form, "closesAt", "締切日時") ?? default,
            Issues = Issues(form, Text), Criteria = Criteria(form, Text("criteria")), OwnerDepartmentId = owner,
        };
        Length(form, "title", "募集回の名称", c.Title, ContentItem.TitleLength, required: true);
        Length(form, "eligibility", "応募資格", c.Eligibility, MarketRound.TextLength, required: true);
        Length(form, "documents", "提出書類", c.RequiredDocuments, MarketRound.TextLength, required: true);
        Length(form, "schedule", "審査・採択の日程", c.Schedule, MarketRound.TextLength, required: true);
        if (string.IsNullOrEmpty(form.Text("opensAt")))
            form.Error("opensAt", "受付開始日時を入力してください。");
        if (string.IsNullOrEmpty(form.Text("closesAt")))
            form.Error("closesAt", "締切日時を入力してください。");
        if (c.OpensUtc != default && c.ClosesUtc != default && c.ClosesUtc <= c.OpensUtc)
            form.Error("closesAt", "締切日時は受付開始日時より後にしてください。");
        if (c.Issues.Count == 0)
            form.Error("issueTitle1", "地域課題を1つ以上入力してください（課題名・背景・行政が提供できること・期待する相乗効果）。");
        if (c.Criteria.Count == 0)
            form.Error("criteria", "評価項目を1つ以上、「項目名 | 配点」の形で入力してください。");
        return c;
    }

    private static List<MarketIssue> Issues(FormState form, Func<string, string> text)
    {
        var issues = new List<MarketIssue>();
        for (var n = 1; n <= IssueSlots; n++)
        {
            var issue = new MarketIssue(text($"issueTitle{n}"), text($"issueBackground{n}"), text($"issueContribution{n}"), text($"issueSynergy{n}"));
            if (issue is { Title: "", Background: "", Contribution: "", Synergy: "" })
                continue;
            Length(form, $"issueTitle{n}", $"地域課題{n}の課題名", issue.Title, IssueTitleLength, required: true);
            Length(form, $"issueBackground{n}", $"地域課題{n}の背景", issue.Background, IssueTextLength, required: true);
            Length(form, $"issueContribution{n}", $"地域課題{n}の行政が提供できること", issue.Contribution, IssueTextLength, required: true);
            Length(form, $"issueSynergy{n}", $"地域課題{n}の期待する相乗効果", issue.Synergy, IssueTextLength, required: true);
            issues.Add(issue);
        }
        return issues;
    }

    /// <summary>One criterion a line, "項目名 | 配点", the weight a positive whole number.</summary>
    private static List<MarketCriterion> Criteria(FormState form, string text)
    {
        var criteria = new List<MarketCriterion>();
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var bar = line.LastIndexOfAny(['|', '｜']);
            var name = bar < 0 ? "" : line[..bar].Trim();
            var weightText = bar < 0 ? "" : line[(bar + 1)..].Normalize(System.Text.NormalizationForm.FormKC).Trim();
            if (name.Length is 0 or > 200 || !int.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight is < 1 or > 1000)
                form.Error("criteria", $"評価項目「{line}」は「項目名 | 配点」の形で、配点は1〜1000の整数で入力してください。");
            else
                criteria.Add(new MarketCriterion(name, weight));
        }
        if (criteria.Count > MaxCriteria)
            form.Error("criteria", $"評価項目は{MaxCriteria}項目までです。");
        return criteria;
    }

    private static long Ceiling(FormState form)
    {
        var text = form.Text("ceiling")?.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "").Trim().TrimEnd('円');
        if (string.IsNullOrEmpty(text))
            form.Error("ceiling", "1件あたりの上限額（円）を入力してください。");
        else if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var yen) || yen is < 1 or > MaxCeilingYen)
            form.Error("ceiling", "1件あたりの上限額は1円以上の整数（円）で入力してください（例: 3000000）。");
        else
            return yen;
        return 0;
    }

    private static int Year(FormState form, int currentFiscalYear)
    {
        var text = form.Text("fiscalYear")?.Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimEnd('度').TrimEnd('年');
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            form.Error("fiscalYear", "実施年度を西暦4桁の半角数字で入力してください（例: 2027）。");
            return 0;
        }
        // Adopted proposals are carried out the following year, so a round may be for a few years ahead.
        if (year < currentFiscalYear - 1 || year > currentFiscalYear + 3)
            form.Error("fiscalYear", $"実施年度は {currentFiscalYear - 1}〜{currentFiscalYear + 3} の西暦で入力してください。");
        return year;
    }

    public static void Length(FormState form, string key, string label, string value, int max, bool required)
    {
        if (required && !TextInput.HasVisible(value))
            form.Error(key, $"{label}を入力してください。");
        else if (value.Length > max)
            form.Error(key, $"{label}は{max:N0}文字以内で入力してください（いま{value.Length:N0}文字）。");
    }
}
