using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Publishing.Checks;

internal static partial class Excerpts
{
    public const int MaxLength = 40;

    /// <summary>The text on one line (ASCII whitespace collapsed; full-width spaces kept), trimmed and cut to <see cref="MaxLength"/> characters.</summary>
    public static string Shorten(string? text)
    {
        var s = Whitespace().Replace(text ?? "", " ").Trim(' ');
        return s.Length <= MaxLength ? s : s[..(MaxLength - 1)] + "…";
    }

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Whitespace();
}
