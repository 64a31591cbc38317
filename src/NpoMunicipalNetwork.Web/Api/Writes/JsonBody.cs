using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Api.Writes;

/// <summary>
/// Reads a write's JSON body: media type, size (Content-Length first, then counted while reading, so a chunked
/// body cannot slip past), syntax, and each field's type, each refused as problem details before anything is written.
/// Unknown fields are refused too: a misspelt field must not be silently ignored, and no field names a tenant.
/// </summary>
public static partial class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long maxBytes, IReadOnlyDictionary<string, string> labels, CancellationToken ct)
        where T : class
    {
        var (value, problem) = await ReadAsync(request, typeof(T), maxBytes, labels, ct);
        return ((T?)value, problem);
    }

    public static async Task<(object? Value, IResult? Problem)> ReadAsync(HttpRequest request, Type bodyType, long maxBytes, IReadOnlyDictionary<string, string> labels, CancellationToken ct)
    {
        if (request.ContentType is not { } type || !(type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase)))
            return (null, ApiProblem.Status(StatusCodes.Status415UnsupportedMediaType, "JSONで送ってください", "Content-Type を application/json にして、本文をJSONで送ってください。"));
        if (request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));
        var body = await ReadCappedAsync(request.Body, maxBytes, ct);
        if (body is null)
            return (null, TooLarge(maxBytes));
        if (body.Length == 0)
            return (null, Malformed("本文が空です。JSONのオブジェクトを送ってください。"));
        try
        {
            // The first read refuses bad syntax and wrong types with their own messages; the text rules then run on
            // the tree, and the second read takes the normalised text.
            if (JsonSerializer.Deserialize(body, bodyType, Options) is null)
                return (null, Malformed("本文が null です。JSONのオブジェクトを送ってください。"));
            var tree = JsonNode.Parse(body)!;
            var errors = new Dictionary<string, string>();
            CleanText(tree, null, labels, errors);
            if (errors.Count > 0)
                return (null, ApiProblem.Validation(errors));
            return (tree.Deserialize(bodyType, Options), null);
        }
        catch (JsonException ex)
        {
            return (null, Explain(ex, labels));
        }
    }

    /// <summary>
    /// The same text rules as a form (<see cref="TextInput"/>): every string anywhere in the body is refused if it has
    /// characters that cannot be stored (the error is under its top-level field), else put in NFC.
    /// </summary>
    private static void CleanText(JsonNode node, string? field, IReadOnlyDictionary<string, string> labels, Dictionary<string, string> errors)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                    if (child is not null)
                    {
                        if (child is JsonValue v && v.TryGetValue<string>(out var text))
                            o[key] = Clean(text, field ?? key, labels, errors);
                        else
                            CleanText(child, field ?? key, labels, errors);
                    }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var text))
                        a[i] = Clean(text, field ?? "", labels, errors);
                    else if (a[i] is { } child)
                        CleanText(child, field, labels, errors);
                break;
        }
    }

    private static string Clean(string text, string field, IReadOnlyDictionary<string, string> labels, Dictionary<string, string> errors)
    {
        if (TextInput.Problem(text) is { } problem)
            errors.TryAdd(field, $"{(labels.TryGetValue(field, out var label) ? label : field)}（{field}）に入力できない文字（{problem}）が含まれています。その文字を消して、もう一度送ってください。");
        return TextInput.Normalize(text);
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge(long maxBytes) => ApiProblem.Status(StatusCodes.Status413PayloadTooLarge, "本文が大きすぎます",
        $"本文は{maxBytes / 1024:N0}KBまでです。添付ファイルは管理画面から登録してください。");

    private static IResult Malformed(string detail) => ApiProblem.Status(StatusCodes.Status400BadRequest, "JSONを読み取れません", detail);

    /// <summary>A wrong type in a known field is a per-field error; broken syntax is a 400 with the line.</summary>
    private static IResult Explain(JsonException ex, IReadOnlyDictionary<string, string> labels)
    {
        if (UnmappedProperty().Match(ex.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            var message = name.Contains("tenant", StringComparison.OrdinalIgnoreCase) || name.Contains("site", StringComparison.OrdinalIgnoreCase)
                ? $"「{name}」は指定できません。書き込む先のサイトはAPIキーで決まります。"
                : $"「{name}」という項目はありません。項目名（大文字・小文字を含む）を確かめてください。";
            return ApiProblem.Validation(new Dictionary<string, string> { [name] = message });
        }
        // A syntax error comes from the reader (an inner JsonException); only a well-formed value of the wrong type is a field's error.
        var field = ex.InnerException is JsonException ? null : FieldOf(ex.Path);
        if (field is not null && labels.TryGetValue(field, out var label))
            return ApiProblem.Validation(new Dictionary<string, string> { [field] = $"{label}（{field}）の値の形式が正しくありません。項目の説明にある型で送ってください。" });
        var where = ex.LineNumber is { } line ? $"（{line + 1}行目、{ex.BytePositionInLine + 1}バイト目付近）" : "";
        return Malformed($"本文をJSONとして読み取れません{where}。括弧・引用符・コンマを確かめてください。");
    }

    /// <summary><c>$.partners[0].name</c> → <c>partners</c>.</summary>
    private static string? FieldOf(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
            return null;
        var rest = path[2..];
        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..end];
    }

    [GeneratedRegex("property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();
}
