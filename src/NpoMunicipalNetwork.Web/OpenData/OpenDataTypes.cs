namespace NpoMunicipalNetwork.OpenData;

/// <summary>The value types the codebook names, one wording for every file.</summary>
public static class OpenDataTypes
{
    public const string Text = "文字列";
    public const string MultilineText = "文字列（複数行あり）";
    public const string Integer = "整数";
    public const string Date = "日付（YYYY-MM-DD）";
    public const string Time = "時刻（HH:MM、日本時間）";
    public const string Instant = "日時（ISO 8601、日本時間 +09:00）";
    public const string Boolean = "真偽値（true / false）";
    public const string Url = "URL";
    public const string Code = "コード（英小文字）";
    public const string IdList = "整数のリスト（CSV は「;」区切り、JSON は配列）";
    public const string CodeList = "コードのリスト（CSV は「;」区切り、JSON は配列）";
    public const string LineList = "文字列のリスト（CSV は1行に1件、JSON は配列）";
    public const string GovernmentCode = "文字列（6桁の全国地方公共団体コード、検査数字つき）";
}
