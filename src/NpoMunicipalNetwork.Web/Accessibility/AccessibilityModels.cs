
namespace NpoMunicipalNetwork.Accessibility;

public sealed record PolicyModel(string? PolicyDate, string? PolicyYear, IReadOnlyList<RunLink> Runs);

public sealed record RunLink(int Id, string Source, string Tool, string RanAt, int PageCount, int FailedPageCount, string Url);

/// <summary>One criterion over the whole run: 不適合 if any page fails it, 適合 if some page passes and none fails, else 該当なし.</summary>
public sealed record CriterionSummary(string Number, string Name, string Level, string Result, bool Failed, int PassPages, int FailPages, int NotApplicablePages);

public sealed record PageSummary(string Url, string Title, string Result, bool Failed, string FailedCriteria, int PassCount, int NotApplicableCount, int Problems);

public sealed record RunReport(int Id, string Source, string Tool, string RanAt, string? StartedBy, int PageCount, int FailedPageCount, int PassedPageCount,
    IReadOnlyList<CriterionSummary> Criteria, IReadOnlyList<PageSummary> Pages);

public sealed record ResultsModel(IReadOnlyList<RunReport> Latest, IReadOnlyList<RunLink> Runs);

/// <summary>Turns stored runs into what the results pages show; judges nothing that was not stored.</summary>
public static class RunReports
{
    public static string Label(CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Pass => "適合",
        CriterionOutcome.Fail => "不適合",
        _ => "該当なし",
    };

    public static string SourceLabel(AccessibilitySource source) => source switch
    {
        AccessibilitySource.Axe => "ブラウザーでの自動試験（axe-core）",
        _ => "本文の自動チェック（作成時チェッカー）",
    };

    private static CriterionOutcome Overall(IEnumerable<CriterionOutcome> outcomes)
    {
        var list = outcomes.ToList();
        return list.Contains(CriterionOutcome.Fail) ? CriterionOutcome.Fail
            : list.Contains(CriterionOutcome.Pass) ? CriterionOutcome.Pass
            : CriterionOutcome.NotApplicable;
    }

    public static RunLink Link(AccessibilityRun run, int pageCount, int failedPageCount) =>
        new(run.Id, SourceLabel(run.Source), run.Tool, JapanTime.FormatDateTime(run.RanUtc), pageCount, failedPageCount, $"/accessibility/results/{run.Id}");

    public static RunReport Report(AccessibilityRun run)
    {
        var results = run.Pages.SelectMany(p => p.Criteria).ToList();
        var criteria = results.GroupBy(c => c.Criterion)
            .Where(g => WcagCriteria.Find(g.Key) is not null)
            .OrderBy(g => WcagCriteria.SortKey(g.Key))
            .Select(g =>
            {
                var known = WcagCriteria.Find(g.Key)!;
                var overall = Overall(g.Select(c => c.Outcome));
                return new CriterionSummary(known.Number, known.Name, known.Level, Label(overall), overall == CriterionOutcome.Fail,
                    g.Count(c => c.Outcome == CriterionOutcome.Pass), g.Count(c => c.Outcome == CriterionOutcome.Fail), g.Count(c => c.Outcome == CriterionOutcome.NotApplicable));
            }).ToList();
        var pages = run.Pages.OrderBy(p => p.Url, StringComparer.Ordinal).Select(p =>
        {
            var overall = Overall(p.Criteria.Select(c => c.Outcome));
            var failed = p.Criteria.Where(c => c.Outcome == CriterionOutcome.Fail).OrderBy(c => WcagCriteria.SortKey(c.Criterion)).Select(c => c.Criterion);
            return new PageSummary(p.Url, p.Title, Label(overall), overall == CriterionOutcome.Fail, string.Join("、", failed),
                p.Criteria.Count(c => c.Outcome == CriterionOutcome.Pass), p.Criteria.Count(c => c.Outcome == CriterionOutcome.NotApplicable), p.Criteria.Sum(c => c.Problems));
        }).ToList();
        return new RunReport(run.Id, SourceLabel(run.Source), run.Tool, JapanTime.FormatDateTime(run.RanUtc), run.StartedBy, pages.Count,
            pages.Count(p => p.Failed), pages.Count(p => !p.Failed && p.Result == "適合"), criteria, pages);
    }
}
