namespace NpoMunicipalNetwork.Forms;

/// <summary>
/// What any submitted text may contain. Text is stored in Unicode NFC (so 「ガ」 typed as カ + ゛ matches the
/// precomposed one in search and uniqueness checks); NUL and the other C0 controls (tab, line feed and carriage
/// return aside), DEL, bidirectional overrides and isolates (which can make a name read backwards, U+202E) and
/// lone surrogates are refused, never silently dropped.
/// </summary>
public static class TextInput
{
    /// <summary>Why <paramref name="value"/> cannot be stored, in Japanese; null when it can.</summary>
    public static string? Problem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return "壊れた文字";
            if (c is '\t' or '\n' or '\r')
                continue;
            if (c < 0x20 || c == 0x7F)
                return "制御文字";
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                return "書字方向を変える制御文字";
        }
        return null;
    }

    public static string Normalize(string value) => value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);

    /// <summary>True when something would show: not only spaces, zero-width characters or byte-order marks.</summary>
    public static bool HasVisible(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return false;
        foreach (var c in value)
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control))
                return true;
        return false;
    }
}
