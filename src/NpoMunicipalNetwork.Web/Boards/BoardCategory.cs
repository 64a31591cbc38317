namespace NpoMunicipalNetwork.Boards;

/// <summary>Who reads a category (and who posts: readers who are signed in, see <see cref="BoardAccess"/>).</summary>
public enum BoardVisibility
{
    /// <summary>Anyone reads; signed-in users post.</summary>
    Public,

    /// <summary>Staff of active member sites and of the hub (any role) read and post.</summary>
    MembersOnly,

    /// <summary>Invited members (連絡会議, 共同研究会) and the secretariat only.</summary>
    PrivateGroup,
}

/// <summary>A board category (カテゴリ) at the hub. Network-level: boards belong to the network, not to a member site.</summary>
public sealed class BoardCategory : Search.ISearchable
{
    string Search.ISearchable.SearchContentType => Search.Site.SiteContentTypes.BoardCategory;
    int Search.ISearchable.SearchContentId => Id;

    public int Id { get; set; }

    /// <summary>URL-safe name in <c>/boards/{slug}</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public int Order { get; set; }

    public BoardVisibility Visibility { get; set; }

    public static string Japanese(BoardVisibility v) => v switch
    {
        BoardVisibility.Public => "公開",
        BoardVisibility.MembersOnly => "会員限定",
        _ => "非公開グループ",
    };
}

/// <summary>An invited member of a <see cref="BoardVisibility.PrivateGroup"/> category.</summary>
public sealed class BoardGroupMember
{
    public int CategoryId { get; set; }

    public int UserId { get; set; }

    public DateTime AddedUtc { get; set; }
}
