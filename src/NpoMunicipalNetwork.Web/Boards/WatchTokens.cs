using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace NpoMunicipalNetwork.Boards;

/// <summary>
/// The unsubscribe link's token: the watch id, signed and encrypted with the app's data-protection keys
/// (shared by every instance), so one click stops the mail without signing in and nobody can forge another's.
/// </summary>
public sealed class WatchTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("NpoMunicipalNetwork.Boards.Unsubscribe.v1");

    public string For(int watchId) => WebEncoders.Base64UrlEncode(_protector.Protect(BitConverter.GetBytes(watchId)));

    public int? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 500)
            return null;
        try
        {
            var bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == 4 ? BitConverter.ToInt32(bytes) : null;
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
