
namespace NpoMunicipalNetwork.Market;

/// <summary>The workflow of market rounds: a revision carries the whole <see cref="MarketRoundContent"/> as JSON; publishing copies it into the live columns.</summary>
public sealed class MarketRoundWorkflow(NetworkDbContext context, TimeProvider clock, ApprovalEngine engine, Publishing.Checks.ContentCheckerProvider checkers)
    : ContentWorkflow<MarketRound>(context, clock, engine, checkers)
{
    public const string ContentType = "MarketRound";

    public override string Type => ContentType;

    protected override void ApplyToLive(MarketRound item, ContentRevision revision)
    {
        var c = MarketRoundContent.FromJson(revision.PayloadJson ?? throw new InvalidOperationException("A round revision without content."));
        item.Title = c.Title;
        item.FiscalYear = c.FiscalYear;
        item.OpensUtc = c.OpensUtc;
        item.ClosesUtc = c.ClosesUtc;
        item.Eligibility = c.Eligibility;
        item.BudgetCeilingYen = c.BudgetCeilingYen;
        item.RequiredDocuments = c.RequiredDocuments;
        item.Schedule = c.Schedule;
        item.IssuesJson = MarketJson.Write(c.Issues);
        item.CriteriaJson = MarketJson.Write(c.Criteria);
        item.OwnerDepartmentId = c.OwnerDepartmentId;
    }
}
