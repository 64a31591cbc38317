using System.Text.Json;

namespace NpoMunicipalNetwork.Accessibility;

/// <summary>
/// Reads axe-core results as JSON into a run. Accepted shapes:
/// <list type="bullet">
/// <item>an array of axe results (what <c>axe.run()</c> returns per page, as the axe CLI saves them);</item>
/// <item><c>{ "tool": "axe-core 4.10.2", "pages": [ axe result, … ] }</c> (what the browser runner uploads).</item>
/// </list>
/// Each result needs <c>url</c> and the arrays <c>violations</c>, <c>passes</c> and <c>inapplicable</c>
/// (rules with <c>id</c>, <c>tags</c> and <c>nodes</c>); an optional <c>title</c> names the page.
/// Per page and WCAG criterion (from tags such as <c>wcag111</c>): 不適合 when a violated rule names it,
/// else 適合 when a passed rule does, else 該当なし when only inapplicable rules do. <c>incomplete</c>
/// (needs a person to review) judges nothing. Problems are collected in Japanese; with any, nothing is stored.
/// </summary>
public static class AxeImport
{
    public const int MaxPages = 20_000;

    public sealed record Parsed(AccessibilityRun? Run, IReadOnlyList<string> Problems);

    public static Parsed Parse(string json, DateTime nowUtc, string? startedBy)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return new(null, [$"試験結果ファイル: JSON として読めません（{e.Message}）。"]);
        }
        using (document)
        {
            var root = document.RootElement;
            var tool = "axe-core";
            JsonElement pages;
            if (root.ValueKind == JsonValueKind.Array)
                pages = root;
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("pages", out var p) && p.ValueKind == JsonValueKind.Array)
            {
                pages = p;
                if (root.TryGetProperty("tool", out var t) && t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString()))
                    tool = t.GetString()!.Trim();
            }
            else
                return new(null, ["試験結果ファイル: axe の結果の配列か、\"pages\" に配列を持つオブジェクトにしてください。"]);

            var problems = new List<string>();
            var count = pages.GetArrayLength();
            if (count == 0)
                problems.Add("試験結果ファイル: 試験したページがありません。");
            if (count > MaxPages)
                problems.Add($"試験結果ファイル: ページは{MaxPages:N0}件までです（{count:N0}件あります）。");
            if (tool.Length > AccessibilityRun.ToolLength)
                problems.Add($"試験結果ファイル: tool は{AccessibilityRun.ToolLength}文字以内にしてください。");
            if (problems.Count > 0)
                return new(null, problems);

            // The engine's version, when the results carry it, says exactly what ran.
            if (tool == "axe-core" && pages[0].TryGetProperty("testEngine", out var engine) && engine.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String)
                tool = $"axe-core {version.GetString()}";

            var run = new AccessibilityRun { Source = AccessibilitySource.Axe, Tool = tool, RanUtc = nowUtc, StartedBy = startedBy };
            var index = 0;
            foreach (var page in pages.EnumerateArray())
            {
                index++;
                if (ReadPage(page, index, problems) is { } result)
                    run.Pages.Add(result);
                if (problems.Count >= 20)
                    break;
            }
            return problems.Count > 0 ? new(null, problems) : new(run, []);
        }
    }

    private static AccessibilityPageResult? ReadPage(JsonElement page, int index, List<string> problems)
    {
        if (page.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{index}件目: axe の結果（オブジェクト）ではありません。");
            return null;
        }
        var url = page.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()!.Trim() : "";
        if (url.Length == 0 || url.Length > AccessibilityPageResult.UrlLength)
            problems.Add($"{index}件目: url がないか、{AccessibilityPageResult.UrlLength}文字を超えています。");
        var title = page.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : "";
        if (title.Length > AccessibilityPageResult.TitleLength)
            title = title[..AccessibilityPageResult.TitleLength];

        var failed = new Dictionary<string, (int Problems, SortedSet<string> Rules)>();
        var passed = new HashSet<string>();
        var inapplicable = new HashSet<string>();
        foreach (var (name, required) in new[] { ("violations", true), ("passes", true), ("inapplicable", false) })
        {
            if (!page.TryGetProperty(name, out var rules) || rules.ValueKind != JsonValueKind.Array)
            {
                if (required)
                    problems.Add($"{index}件目（{url}）: {name} の配列がありません。");
                continue;
            }
            foreach (var rule in rules.EnumerateArray())
            {
                var id = rule.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : "";
                var tags = rule.TryGetProperty("tags", out var tg) && tg.ValueKind == JsonValueKind.Array
                    ? tg.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!) : [];
                var nodes = rule.TryGetProperty("nodes", out var n) ? n.ValueKind switch
                {
                    JsonValueKind.Array => n.GetArrayLength(),
                    JsonValueKind.Number when n.TryGetInt32(out var c) => c,
                    _ => 1,
                } : 1;
                foreach (var criterion in WcagCriteria.FromAxeTags(tags))
                {
                    switch (name)
                    {
                        case "violations":
                            if (!failed.TryGetValue(criterion, out var entry))
                                entry = (0, new SortedSet<string>(StringComparer.Ordinal));
                            entry.Rules.Add(id);
                            failed[criterion] = (entry.Problems + Math.Max(nodes, 1), entry.Rules);
                            break;
                        case "passes":
                            passed.Add(criterion);
                            break;
                        default:
                            inapplicable.Add(criterion);
                            break;
                    }
                }
            }
        }
        if (url.Length == 0 || url.Length > AccessibilityPageResult.UrlLength)
            return null;

        var result = new AccessibilityPageResult { Url = url, Title = title.Length > 0 ? title : url };
        foreach (var criterion in failed.Keys.Concat(passed).Concat(inapplicable).Distinct().OrderBy(WcagCriteria.SortKey))
        {
            var outcome = failed.ContainsKey(criterion) ? CriterionOutcome.Fail : passed.Contains(criterion) ? CriterionOutcome.Pass : CriterionOutcome.NotApplicable;
            var rules = failed.TryGetValue(criterion, out var f) ? string.Join(",", f.Rules) : null;
            result.Criteria.Add(new AccessibilityCriterionResult
            {
                Criterion = criterion, Outcome = outcome, Problems = f.Problems,
                Rules = rules is { Length: > AccessibilityCriterionResult.RulesLength } ? rules[..AccessibilityCriterionResult.RulesLength] : rules,
            });
        }
        return result;
    }
}
