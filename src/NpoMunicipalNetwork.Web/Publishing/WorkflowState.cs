namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// Where the working copy of a content item stands. The live copy is separate: an item can be
/// published (公開) while a staged edit of it (差し替え) is a draft or waits for approval.
/// Stored as numbers: never reorder.
/// </summary>
public enum WorkflowState
{
    /// <summary>No pending changes: what the public sees is the latest.</summary>
    None = 0,
    Draft = 1,
    Waiting = 2,
    /// <summary>Approved, opening at its publish date (公開待ち).</summary>
    Scheduled = 3,
    Remanded = 4,
}

public static class WorkflowStateNames
{
    /// <summary>The status label staff see in lists: the working copy's state, else the live one's.</summary>
    public static string Label(WorkflowState state, bool isPublished, bool isClosed, bool hasLive) => state switch
    {
        WorkflowState.Draft => hasLive ? "下書き（差し替え）" : "下書き",
        WorkflowState.Waiting => hasLive ? "承認待ち（差し替え）" : "承認待ち",
        WorkflowState.Scheduled => hasLive ? "公開待ち（差し替え）" : "公開待ち",
        WorkflowState.Remanded => hasLive ? "差し戻し（差し替え）" : "差し戻し",
        _ when isPublished => "公開",
        _ when isClosed => "公開終了",
        _ => "下書き",
    };
}
