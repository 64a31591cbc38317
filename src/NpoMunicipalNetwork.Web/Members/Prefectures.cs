namespace NpoMunicipalNetwork.Members;

/// <summary>
/// The 47 prefectures by JIS X 0401 code (01 北海道 … 47 沖縄県), fixed by law, so pages that only need
/// a prefecture's name (search facets, result cards) need not read the registry.
/// </summary>
public static class Prefectures
{
    private static readonly string[] Names =
    [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県",
        "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県",
        "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
        "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県",
        "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ];

    /// <summary>Every prefecture in code order, as two-digit code and name.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
        Names.Select((name, i) => ((i + 1).ToString("D2"), name)).ToList();

    /// <summary>The name for a code 1–47; null for anything else.</summary>
    public static string? Name(int code) => code is >= 1 and <= 47 ? Names[code - 1] : null;
}
