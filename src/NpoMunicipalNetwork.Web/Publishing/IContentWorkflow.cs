namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// The workflow of one content type seen without its item class, so the endpoints, the approval
/// inbox and the scheduler serve every type through <see cref="WorkflowContentType"/>.
/// </summary>
public interface IContentWorkflow
{
    string Type { get; }

    Task<ContentRevision> SaveRevisionAsync(IWorkflowItem item, ContentRevision revision, DateTime? publishAtUtc, DateTime? closeAtUtc, CancellationToken ct);

    Task PublishDirectlyAsync(IWorkflowItem item, CancellationToken ct);

    Task<ApprovalRequest> RequestAsync(IWorkflowItem item, ApprovalRoute route, Actor author, string comment, CancellationToken ct);

    Task<bool> ApproveAsync(IWorkflowItem item, ApprovalRequest request, ApprovalRoute route, Actor approver, string comment, CancellationToken ct);

    Task RemandAsync(IWorkflowItem item, ApprovalRequest request, ApprovalRoute route, Actor approver, string comment, CancellationToken ct);

    void Withdraw(IWorkflowItem item, ApprovalRequest request);

    void Open(IWorkflowItem item, ContentRevision revision, DateTime now);
}
