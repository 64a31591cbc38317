namespace NpoMunicipalNetwork.Home;

/// <summary>
/// The forum editions named in the network's founding document (FY2004–FY2009): host and year only.
/// The forum feature will own this data; until then the hub shows the facts, nothing invented.
/// </summary>
public static class ForumHistory
{
    public static readonly IReadOnlyList<ForumEdition> Editions =
    [
        new(1, 2004, "千葉県", "千葉市（幕張）", false),
        new(2, 2005, "横浜市", "横浜市", false),
        new(3, 2006, "滋賀県", "滋賀県", false),
        new(4, 2007, "佐賀県", "佐賀県", false),
        new(5, 2008, "静岡県", "静岡県", false),
        new(6, 2009, "山形県", "山形県", true),
    ];
}
