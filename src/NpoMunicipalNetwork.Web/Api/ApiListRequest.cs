using System.Text.Json;

namespace NpoMunicipalNetwork.Api;

/// <summary>
/// What every list endpoint does before its query: refuse unknown parameters, read its own filters, then
/// <c>limit</c> and <c>cursor</c>. The problems are gathered in <see cref="Errors"/>, so one 400 names them all.
/// </summary>
public sealed class ApiListRequest
{
    public ApiListRequest(HttpRequest request, IReadOnlyCollection<string> filters)
    {
        Request = request;
        ApiQuery.RefuseUnknown(request, filters, Errors);
    }

    public HttpRequest Request { get; }

    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>One value of a filter (<see cref="ApiQuery.Single"/>).</summary>
    public string? Single(string key, string label) => ApiQuery.Single(Request, key, label, Errors);

    /// <summary>
    /// Reads <c>limit</c> and <c>cursor</c> of the list <paramref name="list"/>; <paramref name="readKey"/> takes the
    /// cursor's sort key apart and says whether it fits. Null when anything was wrong: answer <see cref="Problem"/>.
    /// </summary>
    public ApiPaging? Paging(string list, Func<JsonElement[], bool>? readKey = null)
    {
        var paging = ApiPaging.Parse(Request, list, Errors);
        if (paging?.After is { } key && readKey is not null && !readKey(key))
            ApiPaging.RejectCursor(Errors);
        return paging is null || Errors.Count > 0 ? null : paging;
    }

    public IResult Problem() => ApiProblems.BadRequest(Errors);
}
