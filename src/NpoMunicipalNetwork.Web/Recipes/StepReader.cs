using System.Text.Json;
using System.Text.Json.Nodes;

namespace NpoMunicipalNetwork.Recipes;

/// <summary>
/// Reads one JSON object of a recipe, recording every problem with its path instead of stopping
/// at the first, so an author fixes a recipe in one pass. Unknown fields are errors: a typo
/// must not silently leave a value unset.
/// </summary>
public sealed class StepReader(JsonObject node, string path, List<(string Field, string Message)> errors)
{
    public JsonObject Node => node;

    public bool HasErrors => errors.Count > 0;

    public string PathOf(string field) => string.IsNullOrEmpty(path) ? field : $"{path}.{field}";

    public void Error(string field, string message) => errors.Add((PathOf(field), message));

    public void AllowOnly(params string[] known)
    {
        foreach (var (key, _) in node)
            if (!known.Contains(key))
                Error(key, $"未知の項目です。使える項目: {string.Join(", ", known)}");
    }

    public bool Has(string field) => node.TryGetPropertyValue(field, out var v) && v is not null;

    public string? String(string field, bool required = false, int maxLength = 4000, Func<string, string?>? check = null)
    {
        if (!node.TryGetPropertyValue(field, out var value) || value is null)
        {
            if (required)
                Error(field, "必須の項目です。");
            return null;
        }
        if (value.GetValueKind() != JsonValueKind.String)
        {
            Error(field, "文字列で指定してください。");
            return null;
        }
        var s = value.GetValue<string>().Trim();
        if (required && s.Length == 0)
        {
            Error(field, "空にはできません。");
            return null;
        }
        if (s.Length > maxLength)
        {
            Error(field, $"{maxLength}文字以内にしてください（{s.Length}文字）。");
            return null;
        }
        if (s.Length > 0 && check?.Invoke(s) is { } problem)
        {
            Error(field, problem);
            return null;
        }
        return s.Length == 0 ? null : s;
    }

    public bool Bool(string field, bool defaultValue = false)
    {
        if (!node.TryGetPropertyValue(field, out var value) || value is null)
            return defaultValue;
        if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return value.GetValue<bool>();
        Error(field, "true か false で指定してください。");
        return defaultValue;
    }

    public int? Int(string field, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!node.TryGetPropertyValue(field, out var value) || value is null)
            return null;
        if (value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue(out int n))
        {
            Error(field, "整数で指定してください。");
            return null;
        }
        if (n < min || n > max)
        {
            Error(field, $"{min}〜{max} の範囲で指定してください。");
            return null;
        }
        return n;
    }

    public DateOnly? Date(string field, bool required = false)
    {
        var s = String(field, required);
        if (s is null)
            return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        Error(field, $"日付「{s}」は YYYY-MM-DD の形式で指定してください。");
        return null;
    }

    public T? Enum<T>(string field, T? defaultValue = null) where T : struct, System.Enum
    {
        var s = String(field);
        if (s is null)
            return defaultValue;
        if (System.Enum.TryParse<T>(s, ignoreCase: true, out var v) && System.Enum.IsDefined(v) && !char.IsDigit(s[0]))
            return v;
        Error(field, $"「{s}」は使えません。使える値: {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return defaultValue;
    }

    /// <summary>The array in <paramref name="field"/>; null when it is absent (an error only if required) or not an array (an error saying what was expected).</summary>
    private JsonArray? ArrayOf(string field, string expected, bool required)
    {
        if (!node.TryGetPropertyValue(field, out var value) || value is null)
        {
            if (required)
                Error(field, "必須の項目です。");
            return null;
        }
        if (value is JsonArray array)
            return array;
        Error(field, expected);
        return null;
    }

    public IReadOnlyList<string> Strings(string field, Func<string, string?>? check = null)
    {
        if (ArrayOf(field, "文字列の配列で指定してください。", required: false) is not { } array)
            return [];
        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                Error($"{field}[{i}]", "文字列で指定してください。");
                continue;
            }
            var s = v.GetValue<string>().Trim();
            if (check?.Invoke(s) is { } problem)
                Error($"{field}[{i}]", problem);
            else
                result.Add(s);
        }
        return result;
    }

    public IReadOnlyList<StepReader> Objects(string field, bool required = false)
    {
        if (ArrayOf(field, "オブジェクトの配列で指定してください。", required) is not { } array)
            return [];
        var result = new List<StepReader>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject o)
                result.Add(new StepReader(o, PathOf($"{field}[{i}]"), errors));
            else
                Error($"{field}[{i}]", "オブジェクトで指定してください。");
        }
        return result;
    }
}
