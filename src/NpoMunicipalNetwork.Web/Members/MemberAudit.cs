
namespace NpoMunicipalNetwork.Members;

/// <summary>How the registry names its entities in the audit log.</summary>
public static class MemberAudit
{
    extension(AuditTarget)
    {
        public static AuditTarget Government(Government g) => new(AuditTargetTypes.Government, g.Code, $"{g.Name}（{g.Code}）");
    }
}
