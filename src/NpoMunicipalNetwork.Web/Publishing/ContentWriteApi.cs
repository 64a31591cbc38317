namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// The fields every keyed write of a content type has besides the type's own: the owning unit, the schedule and the
/// request to publish (directly, or through an approval route where the site requires approval). JSON names are
/// camelCase (<c>ownerDepartmentId</c>, <c>publishAt</c>, …).
/// </summary>
public abstract class ContentWriteRequest
{
    public int? OwnerDepartmentId { get; init; }
    public string? PublishAt { get; init; }
    public string? CloseAt { get; init; }
    public bool Publish { get; init; }
    public int? ApprovalRouteId { get; init; }
    public string? ApprovalComment { get; init; }

    /// <summary>The Japanese names of the shared fields, by JSON name, for messages.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["ownerDepartmentId"] = "担当の所属",
        ["publishAt"] = "公開日時", ["closeAt"] = "公開終了日時", ["publish"] = "公開", ["approvalRouteId"] = "承認経路", ["approvalComment"] = "依頼のコメント",
    };
}

/// <summary>
/// A content type's keyed-write API (<c>POST /api/v1/{segment}</c>, <c>PUT /api/v1/{segment}/{id}</c>): the shape of its
/// body and how a body becomes the type's content. The API feature does the rest once for every type: the key's scope,
/// media type and size, If-Match, the owner, schedule and approval checks, the one transaction and the answer.
/// </summary>
public abstract class ContentWriteApi<TContent> where TContent : class, IContentDraft
{
    /// <summary>The body's class (deriving from <see cref="ContentWriteRequest"/>); unknown JSON fields are refused.</summary>
    public abstract Type RequestType { get; }

    /// <summary>The API key scope a write needs (<c>write:cases</c>).</summary>
    public abstract string Scope { get; }

    /// <summary>The operation names and summaries of the OpenAPI document.</summary>
    public abstract (string Name, string Summary) Create { get; }

    public abstract (string Name, string Summary) Update { get; }

    /// <summary>The Japanese names of the type's own fields, by JSON name (the shared ones are added).</summary>
    public abstract IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Form field names that have another name in JSON (a form's <c>owner</c> is <c>ownerDepartmentId</c>).</summary>
    public virtual IReadOnlyDictionary<string, string> Rename => new Dictionary<string, string> { ["owner"] = "ownerDepartmentId" };

    /// <summary>
    /// The content <paramref name="body"/> asks for, checked by the type's own rules (problems go into
    /// <paramref name="errors"/> under their form or JSON field). <paramref name="current"/> is the item's working content
    /// (null for a new item): what the API does not carry, such as attachments, is kept from it.
    /// </summary>
    public abstract Task<TContent> ReadAsync(ContentWriteRequest body, TContent? current, int? itemId, IServiceProvider services, FormState errors, CancellationToken ct);

    protected static string Trim(string? value) => value?.Trim() ?? "";
}
