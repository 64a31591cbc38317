
namespace NpoMunicipalNetwork.Themes;

/// <summary>
/// A tenant picks its accent colour freely; the theme then picks white or near-black text on it,
/// whichever reaches AA, so every accent stays readable (WCAG 2.1 relative luminance).
/// </summary>
public static class AccentColor
{
    // Digital Agency design tokens "blue-800", the network's default accent.
    public const string Default = "#0031d8";
    private const string DarkText = "#1a1a1c";

    /// <summary>
    /// White if it reaches 4.5:1, else the theme's near-black, else pure black: for mid tones
    /// (around #777) only pure black clears 4.5:1, and one of white or black always does.
    /// </summary>
    public static string TextOn(string hex)
    {
        foreach (var candidate in (string[])["#ffffff", DarkText, "#000000"])
            if (Contrast(hex, candidate) >= 4.5)
                return candidate;
        return Contrast(hex, "#ffffff") >= Contrast(hex, "#000000") ? "#ffffff" : "#000000";
    }

    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    public static double Luminance(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
    }
}
