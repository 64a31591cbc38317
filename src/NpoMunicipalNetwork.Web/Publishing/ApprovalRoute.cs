
namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// A named approval route (承認経路) of up to five levels, defined by a site administrator.
/// Each level names its approvers (users, and/or any approver of the author's own unit)
/// and how many of them must approve.
/// </summary>
public sealed class ApprovalRoute : ITenantOwned
{
    public const int MaxLevels = 5;

    public int Id { get; set; }

    public int TenantId { get; set; }

    public required string Name { get; set; }

    /// <summary>Where a remand sends the request: back to the author, or one level down.</summary>
    public RemandTarget RemandTo { get; set; }

    /// <summary>Refuse approval while the accessibility/notation checker reports errors.</summary>
    public bool BlockOnCheckErrors { get; set; }

    public List<ApprovalLevel> Levels { get; set; } = [];
}

public enum RemandTarget
{
    Author = 0,
    PreviousLevel = 1,
}

public sealed class ApprovalLevel
{
    public int Id { get; set; }

    public int RouteId { get; set; }

    /// <summary>1 to <see cref="ApprovalRoute.MaxLevels"/>.</summary>
    public int Level { get; set; }

    /// <summary>How many approvals complete the level; 0 means every listed approver.</summary>
    public int RequiredCount { get; set; }

    /// <summary>Users with the Approver role who share a unit with the author also approve here.</summary>
    public bool AuthorsUnitApprovers { get; set; }

    /// <summary>Comma-separated user ids: a small list, always read with the level.</summary>
    public string ApproverUserIds { get; set; } = "";

    public IReadOnlyList<int> Approvers =>
        ApproverUserIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
}
