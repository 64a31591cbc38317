namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// A content item with a live copy and a working copy that goes through drafts, approval and
/// scheduled opening/closing (pages, policy cases, …). <see cref="ContentWorkflow{TItem}"/> drives it.
/// </summary>
public interface IWorkflowItem
{
    int Id { get; }

    string Title { get; }

    bool IsPublished { get; set; }

    WorkflowState WorkflowState { get; set; }

    int? WorkingRevisionId { get; set; }

    int? LiveRevisionId { get; set; }

    DateTime? PublishAtUtc { get; set; }

    DateTime? CloseAtUtc { get; set; }

    DateTime? ClosedUtc { get; set; }

    DateTime? PublishedUtc { get; set; }

    int? OwnerDepartmentId { get; set; }

    int? AuthorUserId { get; set; }

    int Version { get; set; }

    DateTime CreatedUtc { get; set; }

    DateTime UpdatedUtc { get; set; }
}
