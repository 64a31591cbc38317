using NpoMunicipalNetwork.Publishing.Checks;

namespace NpoMunicipalNetwork.Tests.Publishing;

internal static class CheckAssert
{
    public static readonly ContentChecker Checker = new();

    /// <summary>The one finding of that rule; its message is Japanese and names the problem.</summary>
    public static CheckFinding Single(string markdown, string ruleId, string problem)
    {
        var findings = Checker.Check(markdown);
        var finding = Assert.Single(findings, f => f.RuleId == ruleId);
        Assert.True(IsJapanese(finding.Message), finding.Message);
        Assert.Contains(problem, finding.Message);
        return finding;
    }

    public static void None(string markdown, string ruleId)
    {
        var findings = Checker.Check(markdown).Where(f => f.RuleId == ruleId).ToList();
        Assert.True(findings.Count == 0, $"{ruleId}: " + string.Join(" / ", findings.Select(f => f.Excerpt)));
    }

    public static void Clean(string markdown)
    {
        var findings = Checker.Check(markdown);
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.RuleId} 「{f.Excerpt}」 {f.Message}")));
    }

    private static bool IsJapanese(string text) =>
        text.Count(c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF') >= 10;
}
