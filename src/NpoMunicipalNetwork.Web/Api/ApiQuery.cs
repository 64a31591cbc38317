namespace NpoMunicipalNetwork.Api;

/// <summary>Query-string checks every list shares: unknown parameters are refused (a typo must not silently widen a result).</summary>
public static class ApiQuery
{
    public static readonly string[] PagingKeys = ["limit", "cursor"];

    public static void RefuseUnknown(HttpRequest request, IReadOnlyCollection<string> allowed, Dictionary<string, string[]> errors)
    {
        foreach (var key in request.Query.Keys)
            if (!allowed.Contains(key) && !PagingKeys.Contains(key))
                errors[key] = [$"パラメータ「{key}」は使えません。使えるもの: {string.Join(", ", allowed.Concat(PagingKeys))}"];
    }

    /// <summary>One value of a parameter; repeating it is an error where only one makes sense.</summary>
    public static string? Single(HttpRequest request, string key, string label, Dictionary<string, string[]> errors)
    {
        var values = request.Query[key];
        if (values.Count > 1)
        {
            errors[key] = [$"{label}（{key}）は1つだけ指定してください。"];
            return null;
        }
        var value = values.ToString().Trim();
        return value.Length == 0 ? null : value;
    }
}
