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
/// </summary>
public static class ApiJson
{
    public const string CacheControl = "public, max-age=30, must-revalidate";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    public static IResult Ok<T>(T body, string? nextLink = null) => new Result<T>(body, nextLink);

    public static string ETagOf(byte[] body) => $"\"{Base64Url(SHA256.HashData(body).AsSpan(0, 16))}\"";

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class Result<T>(T body, string? nextLink) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Options);
            var etag = ETagOf(bytes);
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
