using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Reports;

namespace NpoMunicipalNetwork;

// TEMPORARY: how the content types name their entities in the audit log, until each moves into its folder
// with its feature. In the root namespace, so AuditTarget.Page(…) etc. keep compiling everywhere.

/// <summary>Audit targets of the content types (<c>AuditTarget.Page(page)</c>, …).</summary>
public static class ContentAudit
{
    extension(AuditTarget)
    {
        public static AuditTarget Page(Page p) => new(AuditTargetTypes.Page, p.Id.ToString(), $"{p.Title}（/pages/{p.Slug}）");

        public static AuditTarget Report(Report r) => new(AuditTargetTypes.Report, r.Id.ToString(), r.Title);

        public static AuditTarget PolicyCase(PolicyCase c) => new(AuditTargetTypes.PolicyCase, c.Id.ToString(), c.Title);
    }
}
