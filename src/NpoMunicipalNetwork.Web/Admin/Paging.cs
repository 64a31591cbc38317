using Microsoft.AspNetCore.WebUtilities;

namespace NpoMunicipalNetwork.Admin;

/// <summary>Page, sort and filter values of an admin list, read from and written back to the query string.</summary>
public sealed class ListQuery(HttpRequest request, string path, IReadOnlyCollection<string> sortable, string defaultSort)
{
    public const int PageSize = 20;

    public int Page { get; } = int.TryParse(request.Query["page"], out var p) && p > 0 ? p : 1;

    public string Sort { get; } = sortable.Contains((string?)request.Query["sort"] ?? "") ? request.Query["sort"]! : defaultSort;

    public bool Descending { get; } = request.Query["dir"] == "desc";

    public string? Filter(string key) => string.IsNullOrWhiteSpace(request.Query[key]) ? null : request.Query[key].ToString().Trim();

    public string Url(int? page = null, string? sort = null, bool? descending = null)
    {
        var values = request.Query.Where(q => q.Key is not ("page" or "sort" or "dir"))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        values["sort"] = sort ?? Sort;
        if (descending ?? Descending)
            values["dir"] = "desc";
        if ((page ?? 1) > 1)
            values["page"] = (page ?? 1).ToString();
        return QueryHelpers.AddQueryString(request.PathBase + path, values);
    }

    public SortLink SortLink(string key, string label) =>
        new(label, Url(1, key, key == Sort ? !Descending : false), key == Sort ? (Descending ? "descending" : "ascending") : null);

    public Pager Pager(int total)
    {
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        return new Pager(Page, pages, total, Page > 1 ? Url(Page - 1) : null, Page < pages ? Url(Page + 1) : null);
    }

    public IQueryable<T> Apply<T>(IQueryable<T> query) => query.Skip((Page - 1) * PageSize).Take(PageSize);
}
