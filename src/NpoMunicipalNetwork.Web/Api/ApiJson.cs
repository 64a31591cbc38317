using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace NpoMunicipalNetwork.Api;

/// <summary>
/// Writes an API response: camelCase JSON with Japanese left readable, a strong ETag that is the
/// SHA-256 of the exact body (so equal bodies always carry equal tags, on every instance), a 304 when
/// <c>If-None-Match</c> names it, and a short public <c>Cache-Control</c> so clients revalidate often.
/// An item a keyed client may update carries its version in front of the hash (<c>"7.…"</c>; base64url has no dot), so the
/// ETag of a GET can be sent back as a PUT's <c>If-Match</c> (see <see cref="Writes.ApiPublication.CheckIfMatch"/>).
/// </summary>
public static class ApiJson
{
    public const string CacheControl = "public, max-age=30, must-revalidate";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    /// <param name="version">
    /// The item's workflow version when the body shows its current state (no newer draft waiting); null otherwise,
    /// and then a PUT based on this body is refused with 412, as it would overwrite a version the client never saw.
    /// </param>
    public static IResult Ok<T>(T body, string? nextLink = null, int? version = null) => new Result<T>(body, nextLink, version);

    public static string ETagOf(byte[] body, int? version = null) =>
        $"\"{(version is { } v ? $"{v}." : "")}{Base64Url(SHA256.HashData(body).AsSpan(0, 16))}\"";

    /// <summary>Whether <paramref name="tag"/> is an <see cref="ETagOf"/> tag made with <paramref name="version"/>.</summary>
    public static bool NamesVersion(string tag, int version) => tag.StartsWith($"\"{version}.", StringComparison.Ordinal);

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class Result<T>(T body, string? nextLink, int? version) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Options);
            var etag = ETagOf(bytes, version);
            var headers = http.Response.Headers;
            headers.ETag = etag;
            headers.CacheControl = CacheControl;
            headers.Vary = "Accept-Encoding";
            if (nextLink is not null)
                headers.Link = $"<{nextLink}>; rel=\"next\"";
            if (Matches(http.Request.Headers.IfNoneMatch, etag))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }

        private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
        {
            if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
                return false;
            var ours = new EntityTagHeaderValue(etag);
            // If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" matches "x".
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
        }
    }
}
