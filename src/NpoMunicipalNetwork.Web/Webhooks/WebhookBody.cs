using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace NpoMunicipalNetwork.Webhooks;

/// <summary>The JSON every delivery carries, its signature, and the subscriptions' secrets.</summary>
public static class WebhookBody
{
    public const string EventHeader = "X-Npo-Event";
    public const string DeliveryHeader = "X-Npo-Delivery";
    public const string SignatureHeader = "X-Npo-Signature";
    public const string TimestampHeader = "X-Npo-Timestamp";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary><c>{ id, type, occurredAt, data }</c>: the same bytes for every subscriber and every retry.</summary>
    public static string Write(Guid id, string type, DateTime occurredUtc, object data) =>
        JsonSerializer.Serialize(new { id, type, occurredAt = Instant(occurredUtc), data }, Json);

    public static DateTimeOffset Instant(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(JapanTime.Offset);

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body's UTF-8 bytes, keyed with the secret's UTF-8 bytes.</summary>
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>A new secret: 32 random bytes, URL-safe Base64, with a prefix that says what it is.</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
