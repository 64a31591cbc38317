namespace NpoMunicipalNetwork.Api.Keys;

/// <summary>What a key may do. The codes are what clients see; the policies are what endpoints require.</summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string WriteCases = "write:cases";
    public const string WriteNews = "write:news";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Read, "読み取り（read）"),
        (WriteCases, "政策事例の登録・更新（write:cases）"),
        (WriteNews, "お知らせの登録・更新（write:news）"),
    ];

    public static string Label(string code) => All.FirstOrDefault(s => s.Code == code).Label ?? code;

    /// <summary>The authorization policy that requires <paramref name="scope"/> of an API key.</summary>
    public static string Policy(string scope) => "api-scope:" + scope;
}
