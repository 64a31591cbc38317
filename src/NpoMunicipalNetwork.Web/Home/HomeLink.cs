
namespace NpoMunicipalNetwork.Home;

/// <summary>
/// One entry of the 「関連リンク」 list on a member site's home (the government's own NPO portal,
/// its partnership centre, …). Links are short site settings rather than page-like text, so they
/// are edited directly by the site's editors (with an audit entry) instead of going through approval.
/// </summary>
public sealed class HomeLink : ITenantOwned
{
    public const int TitleLength = 100;
    public const int UrlLength = 500;

    /// <summary>More than this is no longer a short list on a home page.</summary>
    public const int MaxCount = 20;

    public int Id { get; set; }

    public int TenantId { get; set; }

    public required string Title { get; set; }

    public required string Url { get; set; }

    public int Order { get; set; }
}
