namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// The one test of a return address (<c>?return=</c>, <c>returnUrl</c>, a form's <c>return</c> field): only a path on
/// this host. Anything that a browser could read as another host is refused, never repaired: a second slash or a
/// backslash after the first slash, a scheme, and any control, format, whitespace or separator character — browsers
/// strip TAB and newlines (<c>/\t/evil.example</c> becomes <c>//evil.example</c>) and a CR/LF would split the header.
/// </summary>
public static class LocalReturn
{
    public static bool IsLocal(string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] != '/' || value.Length > 2000)
            return false;
        if (value.Length > 1 && value[1] is '/' or '\\')
            return false;
        foreach (var c in value)
        {
            if (c == '\\' || char.IsWhiteSpace(c) || char.IsSurrogate(c))
                return false;
            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator or UnicodeCategory.OtherNotAssigned:
                    return false;
            }
        }
        return true;
    }

    /// <summary><paramref name="value"/> when it is a local path, else <paramref name="fallback"/>.</summary>
    public static string Or(string? value, string fallback) => IsLocal(value) ? value! : fallback;
}
