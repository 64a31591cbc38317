namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// Whether two contents say the same about a case. Sets (fields, methods, sources, budgets by year) are
/// compared without their order, which the database does not keep; so re-applying a recipe or importing
/// a fresh export is recognised as "no change" and makes no revision.
/// </summary>
public static class CaseContentEquivalence
{
    public static bool Equivalent(CaseContent a, CaseContent b) => Normal(a).ToJson() == Normal(b).ToJson();

    private static CaseContent Normal(CaseContent c) => c with
    {
        FieldCodes = c.FieldCodes.Order(StringComparer.Ordinal).ToList(),
        MethodCodes = c.MethodCodes.Order(StringComparer.Ordinal).ToList(),
        AdaptedFromCaseIds = c.AdaptedFromCaseIds.Distinct().Order().ToList(),
        Budgets = c.Budgets.OrderBy(b => b.FiscalYear).ToList(),
    };
}
