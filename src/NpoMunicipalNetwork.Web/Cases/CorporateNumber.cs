namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// 法人番号: 13 digits whose first is a check digit over the other twelve
/// (9 − Σ(Pn × Qn) mod 9, n counted from the last digit, Qn = 1 for odd n and 2 for even n).
/// </summary>
public static class CorporateNumber
{
    public static bool IsValid(string value)
    {
        if (value.Length != 13 || !value.All(char.IsAsciiDigit))
            return false;
        var sum = 0;
        for (var n = 1; n <= 12; n++)
            sum += (value[13 - n] - '0') * (n % 2 == 1 ? 1 : 2);
        return value[0] - '0' == 9 - sum % 9;
    }

    /// <summary>Full-width digits and hyphens are what people paste; the stored form is 13 ASCII digits.</summary>
    public static string Normalize(string value) =>
        new(value.Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
}
