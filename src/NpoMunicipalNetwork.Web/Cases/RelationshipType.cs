namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// How government relates to the NPO in a case, from the network's classification (NPOと行政の関係):
/// support gives resources to what the NPO wants to do; collaboration pursues both parties' aims in
/// one project as equals; outsourcing has the NPO carry out what government specified.
/// Stored as numbers: never reorder.
/// </summary>
public enum RelationshipType
{
    Support = 1,
    Collaboration = 2,
    Outsourcing = 3,
}

/// <summary>A set of relationship types (a method can serve several: 補助金 is used in support and collaboration).</summary>
[Flags]
public enum RelationshipTypes
{
    None = 0,
    Support = 1 << RelationshipType.Support,
    Collaboration = 1 << RelationshipType.Collaboration,
    Outsourcing = 1 << RelationshipType.Outsourcing,
}

public static class RelationshipTypeNames
{
    public static readonly IReadOnlyList<RelationshipType> All = [RelationshipType.Support, RelationshipType.Collaboration, RelationshipType.Outsourcing];

    public static string Japanese(this RelationshipType type) => type switch
    {
        RelationshipType.Support => "支援",
        RelationshipType.Collaboration => "協働",
        RelationshipType.Outsourcing => "外部委託",
        _ => type.ToString(),
    };

    /// <summary>The English term in parentheses, as the source classification gives it.</summary>
    public static string Gloss(this RelationshipType type) => type switch
    {
        RelationshipType.Support => "サポート",
        RelationshipType.Collaboration => "コラボレーション",
        RelationshipType.Outsourcing => "アウトソーシング",
        _ => "",
    };

    /// <summary>Stable code used in URLs, exports and imports.</summary>
    public static string Code(this RelationshipType type) => type.ToString().ToLowerInvariant();

    public static RelationshipType? FromCodeOrName(string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
            return null;
        foreach (var t in All)
            if (string.Equals(v, t.Code(), StringComparison.OrdinalIgnoreCase) || v == t.Japanese())
                return t;
        return null;
    }

    public static RelationshipTypes Flag(this RelationshipType type) => (RelationshipTypes)(1 << (int)type);

    public static bool Includes(this RelationshipTypes set, RelationshipType type) => (set & type.Flag()) != 0;
}
