namespace NpoMunicipalNetwork.Themes;

/// <summary>A choice offered on the display settings bar (文字サイズ, 配色).</summary>
public sealed record DisplayChoice(string Label, string Url, bool Current);

/// <summary>
/// The reader's text size and colour scheme, as Japanese public sites offer them: chosen with plain
/// links that set a cookie, so they work without JavaScript, and applied as classes on &lt;html&gt;.
/// The preference is the reader's, not a site's, so the cookie covers every site of the network.
/// </summary>
public sealed record DisplaySettings(string Text, string Colors)
{
    public const string TextCookie = "npo.text";
    public const string ColorsCookie = "npo.colors";

    public static readonly IReadOnlyList<(string Value, string Label)> TextSizes = [("standard", "標準"), ("large", "大"), ("xlarge", "特大")];
    public static readonly IReadOnlyList<(string Value, string Label)> ColorSchemes = [("standard", "標準"), ("contrast", "高コントラスト"), ("dark", "黒背景")];

    public static DisplaySettings From(HttpRequest request) => new(
        Known(TextSizes, request.Cookies[TextCookie]), Known(ColorSchemes, request.Cookies[ColorsCookie]));

    public static string Known(IReadOnlyList<(string Value, string Label)> choices, string? value) =>
        choices.Any(c => c.Value == value) ? value! : "standard";

    /// <summary>The value the output cache varies by: a page differs by these classes only.</summary>
    public string CacheKey => $"{Text}.{Colors}";

    public string TextLabel => TextSizes.First(c => c.Value == Text).Label;

    public string ColorsLabel => ColorSchemes.First(c => c.Value == Colors).Label;

    public IReadOnlyList<DisplayChoice> TextChoices(HttpRequest request) => Choices(request, "text", TextSizes, Text);

    public IReadOnlyList<DisplayChoice> ColorChoices(HttpRequest request) => Choices(request, "colors", ColorSchemes, Colors);

    private static IReadOnlyList<DisplayChoice> Choices(HttpRequest request, string key, IReadOnlyList<(string Value, string Label)> choices, string current)
    {
        var back = Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString);
        return choices.Select(c => new DisplayChoice(c.Label, $"/display?{key}={c.Value}&return={back}", c.Value == current)).ToList();
    }
}
