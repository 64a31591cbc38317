using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Reports;

/// <summary>
/// The workflow of reports: a revision carries the whole <see cref="ReportContent"/> as JSON;
/// publishing copies it into the live columns and child rows.
/// </summary>
public sealed class ReportWorkflow(NetworkDbContext context, TimeProvider clock, ApprovalEngine engine, Publishing.Checks.ContentCheckerProvider checkers)
    : ContentWorkflow<Report>(context, clock, engine, checkers)
{
    public const string ContentType = "Report";

    public override string Type => ContentType;

    /// <summary>A report with every child row the live copy is made of.</summary>
    public static IQueryable<Report> WithChildren(IQueryable<Report> reports) => reports
        .Include(r => r.Topics).ThenInclude(t => t.Field)
        .Include(r => r.RelatedCases)
        .Include(r => r.Files).ThenInclude(f => f.File)
        .AsSplitQuery();

    protected override void ApplyToLive(Report item, ContentRevision revision)
    {
        var c = ReportContent.FromJson(revision.PayloadJson ?? throw new InvalidOperationException("A report revision without content."));
        // A small table, read once per publish; synchronous like the case workflow's publish step.
        var fields = Db.PolicyFields.AsNoTracking().ToDictionary(f => f.Code, f => f.Id);
        item.Title = c.Title;
        item.FiscalYear = c.FiscalYear;
        item.Authors = c.Authors;
        item.Summary = c.Summary;
        item.TableOfContents = c.TableOfContents;
        item.Body = c.Body;
        item.OwnerDepartmentId = c.OwnerDepartmentId;

        var topics = c.TopicCodes.Select(code => fields.TryGetValue(code, out var id) ? id : (int?)null).OfType<int>().ToHashSet();
        item.Topics.RemoveAll(t => !topics.Contains(t.PolicyFieldId));
        foreach (var id in topics.Except(item.Topics.Select(t => t.PolicyFieldId)).ToList())
            item.Topics.Add(new ReportTopic { PolicyFieldId = id });
        var cases = c.RelatedCaseIds.ToHashSet();
        item.RelatedCases.RemoveAll(r => !cases.Contains(r.PolicyCaseId));
        foreach (var id in cases.Except(item.RelatedCases.Select(r => r.PolicyCaseId)).ToList())
            item.RelatedCases.Add(new ReportCase { PolicyCaseId = id });
        item.Files.Clear();
        item.Files.AddRange(c.Files.Select((f, i) => new ReportFile { Order = i, Title = f.Title, StoredFileId = f.StoredFileId }));
    }
}
