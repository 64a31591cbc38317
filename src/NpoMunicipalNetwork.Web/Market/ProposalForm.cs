
namespace NpoMunicipalNetwork.Market;

/// <summary>A proposal's fields as read from the form, already checked.</summary>
public sealed record ProposalValues(string Title, int IssueNumber, string IssueTitle, string Summary, string NpoRole, string GovernmentRole, long BudgetYen, string Schedule);

/// <summary>The proposal form ↔ <see cref="MarketProposal"/>; every problem goes into the form under its field, in Japanese.</summary>
public static class ProposalForm
{
    public static FormState From(MarketProposal p)
    {
        var form = new FormState();
        form.Values["title"] = p.Title;
        form.Values["issue"] = p.IssueNumber == 0 ? "" : p.IssueNumber.ToString(CultureInfo.InvariantCulture);
        form.Values["summary"] = p.Summary;
        form.Values["npoRole"] = p.NpoRole;
        form.Values["governmentRole"] = p.GovernmentRole;
        form.Values["budget"] = p.BudgetYen == 0 ? "" : p.BudgetYen.ToString(CultureInfo.InvariantCulture);
        form.Values["schedule"] = p.Schedule;
        form.Values["version"] = p.Version.ToString(CultureInfo.InvariantCulture);
        return form;
    }

    public static ProposalValues? Read(FormState form, MarketRound round)
    {
        string Text(string key) => (form.Text(key) ?? "").Replace("\r\n", "\n").Trim();
        var v = new ProposalValues(Text("title"), 0, "", Text("summary"), Text("npoRole"), Text("governmentRole"), 0, Text("schedule"));
        MarketRoundForm.Length(form, "title", "提案事業名", v.Title, ContentItem.TitleLength, required: true);
        var issues = round.Issues;
        if (!int.TryParse(form.Text("issue"), NumberStyles.None, CultureInfo.InvariantCulture, out var issue) || issue < 1 || issue > issues.Count)
            form.Error("issue", "取り組む地域課題を一覧から選んでください。");
        MarketRoundForm.Length(form, "summary", "事業の概要", v.Summary, MarketProposal.TextLength, required: true);
        MarketRoundForm.Length(form, "npoRole", "役割分担（団体）", v.NpoRole, MarketProposal.TextLength, required: true);
        MarketRoundForm.Length(form, "governmentRole", "役割分担（行政）", v.GovernmentRole, MarketProposal.TextLength, required: true);
        MarketRoundForm.Length(form, "schedule", "実施スケジュール", v.Schedule, MarketProposal.TextLength, required: true);
        long budget = 0;
        var budgetText = form.Text("budget")?.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "").Trim().TrimEnd('円');
        if (string.IsNullOrEmpty(budgetText))
            form.Error("budget", "提案額（円）を入力してください。");
        else if (!long.TryParse(budgetText, NumberStyles.None, CultureInfo.InvariantCulture, out budget) || budget < 1)
            form.Error("budget", "提案額は1円以上の整数（円）で入力してください（例: 1500000）。");
        else if (budget > round.BudgetCeilingYen)
            form.Error("budget", $"提案額は1件あたりの上限額（{round.BudgetCeilingYen:N0}円）以内にしてください。");
        return form.IsValid ? v with { IssueNumber = issue, IssueTitle = issues[issue - 1].Title, BudgetYen = budget } : null;
    }

    public static void Apply(MarketProposal p, ProposalValues v)
    {
        p.Title = v.Title;
        p.IssueNumber = v.IssueNumber;
        p.IssueTitle = v.IssueTitle;
        p.Summary = v.Summary;
        p.NpoRole = v.NpoRole;
        p.GovernmentRole = v.GovernmentRole;
        p.BudgetYen = v.BudgetYen;
        p.Schedule = v.Schedule;
    }

    public static string Japanese(this ProposalStatus s) => s switch
    {
        ProposalStatus.Draft => "下書き",
        ProposalStatus.Submitted => "提出済み",
        _ => "取り下げ",
    };
}
