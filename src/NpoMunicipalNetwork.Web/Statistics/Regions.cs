namespace NpoMunicipalNetwork.Statistics;

/// <summary>The eight regions (地方区分) Japanese statistics use, from the two-digit prefecture code (JIS X 0401).</summary>
public static class Regions
{
    public static readonly IReadOnlyList<string> All = ["北海道", "東北", "関東", "中部", "近畿", "中国", "四国", "九州・沖縄"];

    public static string? Of(string? prefectureCode) => int.TryParse(prefectureCode, out var p) ? p switch
    {
        1 => "北海道",
        >= 2 and <= 7 => "東北",
        >= 8 and <= 14 => "関東",
        >= 15 and <= 23 => "中部",
        >= 24 and <= 30 => "近畿",
        >= 31 and <= 35 => "中国",
        >= 36 and <= 39 => "四国",
        >= 40 and <= 47 => "九州・沖縄",
        _ => null,
    } : null;
}
