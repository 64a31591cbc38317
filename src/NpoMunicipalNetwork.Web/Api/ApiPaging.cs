using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace NpoMunicipalNetwork.Api;

/// <summary>A page of a list: the items and the cursor of the next page (null on the last page).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Cursor paging. A cursor is opaque to clients: base64url of a small JSON array holding the list's
/// name and the sort key of the last item sent (ending with its id), so the next page starts right
/// after it with a keyset condition, and an item inserted or removed meanwhile shifts nothing.
/// </summary>
public sealed class ApiPaging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    private ApiPaging(int limit, JsonElement[]? after)
    {
        Limit = limit;
        After = after;
    }

    public int Limit { get; }

    /// <summary>The sort key of the last item of the previous page, or null for the first page.</summary>
    public JsonElement[]? After { get; }

    /// <summary>Reads <c>limit</c> and <c>cursor</c>; a cursor made for another list, or not made by us, is a 400.</summary>
    public static ApiPaging? Parse(HttpRequest request, string list, Dictionary<string, string[]> errors)
    {
        var limit = DefaultLimit;
        var limitText = request.Query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, out limit) || limit < 1 || limit > MaxLimit))
            errors["limit"] = [$"件数（limit）「{limitText}」は 1〜{MaxLimit} の整数で指定してください。"];
        JsonElement[]? after = null;
        var cursor = request.Query["cursor"].ToString();
        if (cursor.Length > 0 && (after = Decode(cursor, list)) is null)
            RejectCursor(errors);
        return errors.Count == 0 ? new ApiPaging(limit, after) : null;
    }

    public static string Encode(string list, params object?[] key) =>
        WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new object?[] { list }.Concat(key).ToArray()));

    private static JsonElement[]? Decode(string cursor, string list)
    {
        try
        {
            if (cursor.Length > 512)
                return null;
            var values = JsonSerializer.Deserialize<JsonElement[]>(WebEncoders.Base64UrlDecode(cursor));
            if (values is not { Length: > 1 } || values[0].ValueKind != JsonValueKind.String || values[0].GetString() != list)
                return null;
            return values[1..];
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Typed access to one part of the key; a part of the wrong type makes the cursor invalid.</summary>
    public static bool TryRead(JsonElement[] key, int index, out long value)
    {
        value = 0;
        return index < key.Length && key[index].ValueKind == JsonValueKind.Number && key[index].TryGetInt64(out value);
    }

    public static bool TryRead(JsonElement[] key, int index, out string value)
    {
        value = "";
        if (index >= key.Length || key[index].ValueKind != JsonValueKind.String)
            return false;
        value = key[index].GetString()!;
        return true;
    }

    public static bool TryRead(JsonElement[] key, int index, out double value)
    {
        value = 0;
        return index < key.Length && key[index].ValueKind == JsonValueKind.Number && key[index].TryGetDouble(out value);
    }

    /// <summary>The URL of the next page: this request's URL with the cursor replaced.</summary>
    public static string NextLink(HttpRequest request, string cursor)
    {
        var query = request.Query.Where(p => p.Key != "cursor")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }

    private const string CursorMessage = "カーソル（cursor）が正しくありません。前のレスポンスの next の値をそのまま指定してください。";

    /// <summary>A cursor that decodes but whose key does not fit the list (tampered with, or from another version).</summary>
    public static void RejectCursor(Dictionary<string, string[]> errors) => errors["cursor"] = [CursorMessage];

    public static IResult BadCursor() => ApiProblems.BadRequest("cursor", CursorMessage);

    /// <summary>Sends a page: <paramref name="rows"/> holds up to limit + 1 rows; the extra one only tells that there is a next page.</summary>
    public IResult Send<TRow, TItem>(HttpRequest request, string list, IReadOnlyList<TRow> rows, Func<TRow, TItem> item, Func<TRow, object?[]> key)
    {
        var page = rows.Take(Limit).ToList();
        string? next = rows.Count > Limit ? Encode(list, key(page[^1])) : null;
        return ApiJson.Ok(new ApiPage<TItem>(page.Select(item).ToList(), next), next is null ? null : NextLink(request, next));
    }
}
