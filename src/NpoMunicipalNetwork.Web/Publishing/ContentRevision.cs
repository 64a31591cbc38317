
namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// One saved version of a content item, written on every save: who, when, and the whole content,
/// so any two can be compared and any one restored. The item row holds the live copy.
/// </summary>
public sealed class ContentRevision : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public required string ContentType { get; set; }

    public int ContentId { get; set; }

    /// <summary>1, 2, 3… per item.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string BodyMarkdown { get; set; } = "";

    public int? OwnerDepartmentId { get; set; }

    public int Order { get; set; }

    /// <summary>
    /// The fields a type has beyond title and body, as JSON (a policy case's vocabulary, partners,
    /// budgets, …). <see cref="BodyMarkdown"/> still holds the readable text, so diffs and the
    /// authoring checker work the same for every type.
    /// </summary>
    public string? PayloadJson { get; set; }

    public int? CreatedByUserId { get; set; }

    public string CreatedByName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>What happened to produce it: 保存, 復元 (from revision n), ...</summary>
    public string Note { get; set; } = "";
}
