
namespace NpoMunicipalNetwork.Forums;

/// <summary>How the forums name their entities in the audit log.</summary>
public static class ForumAudit
{
    extension(AuditTarget)
    {
        public static AuditTarget Forum(Forum f) => new(AuditTargetTypes.Forum, f.Id.ToString(), f.Title);
    }
}
