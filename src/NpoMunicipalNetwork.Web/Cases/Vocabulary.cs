namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// A policy field (政策分野: 環境, 福祉, …), a controlled vocabulary the secretariat manages.
/// The code is what exports, imports, URLs and the API use; the name may be reworded freely.
/// </summary>
public sealed class PolicyField
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int Order { get; set; }

    /// <summary>A retired term stays on old cases but cannot be chosen for new ones.</summary>
    public bool IsRetired { get; set; }
}

/// <summary>A method (手法: 補助金, 委託, …), linked to the relationship types it serves.</summary>
public sealed class PolicyMethod
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public RelationshipTypes RelationshipTypes { get; set; }

    public int Order { get; set; }

    public bool IsRetired { get; set; }
}
