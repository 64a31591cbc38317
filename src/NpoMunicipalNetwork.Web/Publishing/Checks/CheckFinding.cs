namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>Error: fix before approval. Warning: the approver decides.</summary>
public enum CheckSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One problem the checker found: which rule, how serious, a Japanese message saying what is wrong
/// and how to fix it, a short excerpt of the offending text, and whether <see cref="ContentChecker.AutoFix"/> fixes it.
/// </summary>
public sealed record CheckFinding(string RuleId, CheckSeverity Severity, string Message, string Excerpt, bool AutoFixable);
