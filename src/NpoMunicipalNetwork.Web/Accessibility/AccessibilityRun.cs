namespace NpoMunicipalNetwork.Accessibility;

/// <summary>Where a run's results came from.</summary>
public enum AccessibilitySource
{
    /// <summary>The authoring checker (Publishing/Checks) run on the server over every published body.</summary>
    Checker,

    /// <summary>axe-core run in a browser over the sitemap pages, imported from its JSON.</summary>
    Axe,
}

/// <summary>The judgement for one page and one success criterion.</summary>
public enum CriterionOutcome
{
    /// <summary>適合: the checks for the criterion ran on something on the page and found nothing.</summary>
    Pass,

    /// <summary>不適合: at least one check for the criterion found a problem.</summary>
    Fail,

    /// <summary>該当なし: nothing on the page the criterion applies to.</summary>
    NotApplicable,
}

/// <summary>
/// One automated test of the published site, kept as it was stored: the test results page shows
/// only runs that really happened. Network-wide (not tenant-owned): it covers the hub and every member site.
/// </summary>
public sealed class AccessibilityRun
{
    public const int ToolLength = 100;
    public const int StartedByLength = 100;

    public int Id { get; set; }

    public AccessibilitySource Source { get; set; }

    /// <summary>What ran, e.g. 「axe-core 4.10.2」 or 「作成時チェッカー」.</summary>
    public required string Tool { get; set; }

    public DateTime RanUtc { get; set; }

    /// <summary>Who started or imported it (name copied, like the audit log).</summary>
    public string? StartedBy { get; set; }

    public List<AccessibilityPageResult> Pages { get; set; } = [];
}

/// <summary>One page tested in a run.</summary>
public sealed class AccessibilityPageResult
{
    public const int UrlLength = 1000;
    public const int TitleLength = 300;

    public int Id { get; set; }

    public int RunId { get; set; }

    /// <summary>The page's path (<c>/chiba/pages/about</c>) or absolute URL as tested.</summary>
    public required string Url { get; set; }

    public required string Title { get; set; }

    public List<AccessibilityCriterionResult> Criteria { get; set; } = [];
}

/// <summary>The outcome of one WCAG success criterion on one page.</summary>
public sealed class AccessibilityCriterionResult
{
    public const int CriterionLength = 10;
    public const int RulesLength = 500;

    public int Id { get; set; }

    public int PageResultId { get; set; }

    /// <summary>e.g. <c>1.1.1</c>.</summary>
    public required string Criterion { get; set; }

    public CriterionOutcome Outcome { get; set; }

    /// <summary>How many problems the failing checks found (0 unless <see cref="CriterionOutcome.Fail"/>).</summary>
    public int Problems { get; set; }

    /// <summary>The ids of the rules that failed (axe rule ids or checker rule ids), comma separated.</summary>
    public string? Rules { get; set; }
}
