namespace NpoMunicipalNetwork.Forms;

/// <summary>One rule for phone numbers and e-mail addresses wherever they are entered: forms and recipes.</summary>
public static class ContactRules
{
    /// <summary>Half-width digits and hyphens, with the area code: 10 or 11 digits (043-223-4146, 090-1234-5678).</summary>
    public static string? ValidatePhone(string label, string phone) =>
        phone.All(c => char.IsAsciiDigit(c) || c is '-' or '(' or ')') && phone.Count(char.IsAsciiDigit) is >= 10 and <= 11
            ? null
            : $"{label}は半角数字とハイフンで、市外局番から入力してください（例: 043-223-4146）。";

    public static string? ValidateEmail(string label, string email) =>
        System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.')
            ? null
            : $"{label}「{email}」の形式が正しくありません（例: npo@city.example.lg.jp）。";

    /// <summary>
    /// A web site's address: absolute http or https with a host, no user name or password in it (https://user@host
    /// is a classic disguise) and no spaces. Other schemes (javascript:, data:, file:) are never links we print.
    /// </summary>
    public static string? ValidateWebAddress(string label, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            && uri.UserInfo.Length == 0 && !url.Any(char.IsWhiteSpace)
            ? null
            : $"{label}は http:// または https:// で始まるアドレスで入力してください（例: https://npo.example.jp/）。";
}
