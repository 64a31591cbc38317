namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// A term of a controlled vocabulary the secretariat manages (fields, methods). The code is what exports, imports,
/// URLs and the API use; the name may be reworded freely. Not an entity itself: each kind of term has its own table.
/// </summary>
public abstract class VocabularyTerm
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int Order { get; set; }

    /// <summary>A retired term stays on old cases but cannot be chosen for new ones.</summary>
    public bool IsRetired { get; set; }
}

/// <summary>A policy field (政策分野: 環境, 福祉, …).</summary>
public sealed class PolicyField : VocabularyTerm;

/// <summary>A method (手法: 補助金, 委託, …), linked to the relationship types it serves.</summary>
public sealed class PolicyMethod : VocabularyTerm
{
    public RelationshipTypes RelationshipTypes { get; set; }
}
