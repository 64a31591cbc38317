namespace NpoMunicipalNetwork.Members;

/// <summary>
/// A local government in the national registry (all 47 prefectures and every municipality),
/// keyed by its 6-digit local-government code. Reference data shared by every tenant.
/// </summary>
public sealed class Government
{
    /// <summary>全国地方公共団体コード: 5 digits and a check digit. See <see cref="LocalGovernmentCode"/>.</summary>
    public required string Code { get; set; }

    public GovernmentKind Kind { get; set; }

    /// <summary>Two-digit prefecture number, "01" (北海道) to "47" (沖縄県).</summary>
    public required string PrefectureCode { get; set; }

    public required string PrefectureName { get; set; }

    public required string Name { get; set; }

    /// <summary>Reading in hiragana; the directory sorts by it (五十音順).</summary>
    public required string Kana { get; set; }

    public string? WebsiteUrl { get; set; }

    /// <summary>For a ward of a designated city, the city's code.</summary>
    public string? ParentCode { get; set; }

    public Membership? Membership { get; set; }
}

/// <summary>
/// How each kind is derived from the registry CSVs is documented in
/// <see cref="RegistryCsv"/>; the numeric values are stored, so never reorder them.
/// </summary>
public enum GovernmentKind
{
    Prefecture = 1,
    DesignatedCity = 2,
    Ward = 3,
    City = 4,
    SpecialWard = 5,
    Town = 6,
    Village = 7,
}

public static class GovernmentKindNames
{
    private static readonly EnumTerms<GovernmentKind> Terms = new(
        (GovernmentKind.Prefecture, "prefecture", "都道府県"),
        (GovernmentKind.DesignatedCity, "designated-city", "政令指定都市"),
        (GovernmentKind.Ward, "ward", "行政区"),
        (GovernmentKind.City, "city", "市"),
        (GovernmentKind.SpecialWard, "special-ward", "特別区"),
        (GovernmentKind.Town, "town", "町"),
        (GovernmentKind.Village, "village", "村"));

    public static string Japanese(this GovernmentKind kind) => Terms.Label(kind);

    /// <summary>The kind as URLs, exports and the API carry it (<c>designated-city</c>).</summary>
    public static string Slug(this GovernmentKind kind) => Terms.Code(kind);

    public static GovernmentKind? FromSlug(string? slug) => Terms.FromCode(slug);
}
