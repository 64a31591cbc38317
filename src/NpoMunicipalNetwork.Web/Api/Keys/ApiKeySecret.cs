using System.Security.Cryptography;

namespace NpoMunicipalNetwork.Api.Keys;

/// <summary>
/// The key format: <c>npo_</c> + 12 hex digits (the prefix, stored in clear to find the row) + <c>_</c> +
/// 43 base64url characters (256 random bits). Only the SHA-256 of the whole key is stored.
/// </summary>
public static class ApiKeySecret
{
    private const string Scheme = "npo_";
    public const int PrefixLength = 16; // "npo_" + 12 hex digits
    private const int SecretLength = 43;

    public static (string Key, string Prefix, string Hash) Create()
    {
        var prefix = Scheme + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = $"{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    /// <summary>The prefix of a well-formed key; null for anything else, which is refused without a query.</summary>
    public static string? PrefixOf(string presented)
    {
        if (presented.Length != PrefixLength + 1 + SecretLength || !presented.StartsWith(Scheme, StringComparison.Ordinal) || presented[PrefixLength] != '_')
            return null;
        for (var i = Scheme.Length; i < PrefixLength; i++)
            if (!char.IsAsciiHexDigitLower(presented[i]))
                return null;
        for (var i = PrefixLength + 1; i < presented.Length; i++)
            if (!(char.IsAsciiLetterOrDigit(presented[i]) || presented[i] is '-' or '_'))
                return null;
        return presented[..PrefixLength];
    }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    /// <summary>Compares in constant time, so response timing tells nothing about the stored hash.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));
}
