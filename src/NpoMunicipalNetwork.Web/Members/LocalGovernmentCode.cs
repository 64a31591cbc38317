namespace NpoMunicipalNetwork.Members;

/// <summary>
/// 全国地方公共団体コード: five digits (JIS X 0401 prefecture + JIS X 0402 municipality)
/// followed by a check digit computed with weights 6..2 modulo 11.
/// </summary>
public static class LocalGovernmentCode
{
    public static int CheckDigit(ReadOnlySpan<char> firstFive)
    {
        var sum = 0;
        for (var i = 0; i < 5; i++)
            sum += (firstFive[i] - '0') * (6 - i);
        return (11 - sum % 11) % 10;
    }

    /// <summary>Returns a Japanese message naming the problem, or null when the code is valid.</summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return "地方公共団体コードを入力してください。";
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            return $"地方公共団体コード「{code}」は半角数字6桁で入力してください。";
        if (code[..2] is "00" || int.Parse(code[..2]) > 47)
            return $"地方公共団体コード「{code}」の先頭2桁（都道府県）が 01〜47 の範囲にありません。";
        if (CheckDigit(code.AsSpan(0, 5)) != code[5] - '0')
            return $"地方公共団体コード「{code}」の検査数字（6桁目）が正しくありません。";
        return null;
    }

    public static bool IsValid(string? code) => Validate(code) is null;

    /// <summary>Builds the full code from a 5-digit code that may have lost its leading zero (e.g. 1100 → 011002).</summary>
    public static string FromFiveDigits(int fiveDigits)
    {
        var five = fiveDigits.ToString("D5");
        return five + CheckDigit(five);
    }
}
