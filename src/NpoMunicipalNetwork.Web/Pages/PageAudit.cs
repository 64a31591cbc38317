
namespace NpoMunicipalNetwork.Pages;

/// <summary>How the audit log names a page: its title and its address.</summary>
public static class PageAudit
{
    extension(AuditTarget)
    {
        public static AuditTarget Page(Page p) => new(AuditTargetTypes.Page, p.Id.ToString(), $"{p.Title}（/pages/{p.Slug}）");
    }
}
