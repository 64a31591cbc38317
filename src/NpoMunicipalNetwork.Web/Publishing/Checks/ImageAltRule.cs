using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// Every image needs alt text that says what the image shows or is for. Missing or blank alt text is
/// an error, and so is a file name (IMG_0012.jpg, photo.png, or the image's own file name with or
/// without its extension), which is what a screen reader would otherwise announce.
/// </summary>
internal sealed partial class ImageAltRule : IContentRule
{
    public IEnumerable<CheckFinding> Check(CheckedContent content)
    {
        foreach (var image in content.Html.QuerySelectorAll("img"))
        {
            var alt = image.GetAttribute("alt")?.Trim() ?? "";
            var file = FileName(image.GetAttribute("src"));
            if (alt.Length == 0)
                yield return new CheckFinding(CheckRuleIds.ImageAlt, CheckSeverity.Error,
                    $"画像「{file}」に代替テキストがありません。画像の内容や目的がわかる説明を、![説明](画像のURL) の [ ] の中に書いてください。",
                    Excerpts.Shorten(file), AutoFixable: false);
            else if (IsFileName(alt, file))
                yield return new CheckFinding(CheckRuleIds.ImageAlt, CheckSeverity.Error,
                    $"画像の代替テキストがファイル名「{alt}」のままです。読み上げソフトではファイル名が読まれるため、画像の内容や目的がわかる説明に書き換えてください。",
                    Excerpts.Shorten(alt), AutoFixable: false);
        }
    }

    private static bool IsFileName(string alt, string file) =>
        ImageFile().IsMatch(alt)
        || file.Length > 0 && (string.Equals(alt, file, StringComparison.OrdinalIgnoreCase)
            || string.Equals(alt, Path.GetFileNameWithoutExtension(file), StringComparison.OrdinalIgnoreCase));

    /// <summary>The last path segment of the image address, decoded, without query or fragment.</summary>
    private static string FileName(string? src)
    {
        if (string.IsNullOrWhiteSpace(src))
            return "";
        var path = src.Split('?', '#')[0].TrimEnd('/');
        var name = path[(path.LastIndexOf('/') + 1)..];
        try { return Uri.UnescapeDataString(name); }
        catch (UriFormatException) { return name; }
    }

    [GeneratedRegex(@"^[^\s/\\]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|heif|avif)$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageFile();
}
