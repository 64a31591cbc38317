
namespace NpoMunicipalNetwork.Boards;

/// <summary>Audit targets of the boards.</summary>
public static class BoardAudit
{
    public static AuditTarget Post(Post p) => new(AuditTargetTypes.BoardPost, p.Id.ToString(), $"{p.AuthorName}さんの投稿（#{p.Id}）");

    public static AuditTarget Topic(Topic t) => new(AuditTargetTypes.BoardTopic, t.Id.ToString(), t.Title);

    public static AuditTarget Category(BoardCategory c) => new(AuditTargetTypes.BoardCategory, c.Id.ToString(), $"{c.Name}（{c.Slug}）");
}
