
namespace NpoMunicipalNetwork.Publishing;

/// <summary>An author's request to approve one revision of an item along a route, and its progress.</summary>
public sealed class ApprovalRequest : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public required string ContentType { get; set; }

    public int ContentId { get; set; }

    public int RevisionId { get; set; }

    public int RouteId { get; set; }

    /// <summary>The level whose approvers act now (1-based).</summary>
    public int CurrentLevel { get; set; } = 1;

    /// <summary>When the current level began (again, after a remand to it).</summary>
    public DateTime LevelStartedUtc { get; set; }

    /// <summary>Counts every (re)start of a level; only approvals given in the current round count, whatever the clock says.</summary>
    public int Round { get; set; } = 1;

    public int RequestedByUserId { get; set; }

    public string Comment { get; set; } = "";

    public ApprovalStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public DateTime? LastReminderUtc { get; set; }

    public List<ApprovalDecision> Decisions { get; set; } = [];
}

public enum ApprovalStatus
{
    Open = 0,
    Approved = 1,
    Remanded = 2,
    Withdrawn = 3,
}

public sealed class ApprovalDecision
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    public int Level { get; set; }

    public int UserId { get; set; }

    public string UserName { get; set; } = "";

    public bool Approved { get; set; }

    /// <summary>The request's <see cref="ApprovalRequest.Round"/> when this was decided.</summary>
    public int Round { get; set; }

    public string Comment { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
