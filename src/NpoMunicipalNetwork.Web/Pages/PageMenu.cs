
namespace NpoMunicipalNetwork.Pages;

/// <summary>
/// The free pages of a site as a menu: a tree by <see cref="Page.ParentId"/>, siblings by
/// <see cref="Page.Order"/> then id. The public sees published pages only, and a page only when
/// its parents are published too (a child of a hidden page has nowhere to hang). The reserved
/// overview page is shown on the home, not in the menu.
/// </summary>
public static class PageMenu
{
    /// <summary>Top level, second and third level: deeper menus stop being navigable.</summary>
    public const int MaxDepth = 3;

    public sealed record MenuPage(int Id, int? ParentId, int Order, string Slug, string Title, bool IsPublished);

    /// <param name="publishedOnly">What the public menu and breadcrumbs need (every public page asks, so it reads no drafts).</param>
    public static async Task<IReadOnlyList<MenuPage>> LoadAsync(NetworkDbContext db, CancellationToken ct, bool publishedOnly = true) =>
        await db.Pages.AsNoTracking()
            .Where(p => !publishedOnly || p.IsPublished)
            .OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new MenuPage(p.Id, p.ParentId, p.Order, p.Slug, p.Title, p.IsPublished))
            .ToListAsync(ct);

    /// <summary>The public menu of the current site: nested nav items, the current page marked.</summary>
    public static IReadOnlyList<NavItem> PublicItems(IReadOnlyList<MenuPage> pages, string basePath, string path)
    {
        var visible = pages.Where(p => p.IsPublished && p.Slug != Home.HomeOverview.Slug).ToList();
        var byParent = visible.ToLookup(p => p.ParentId);
        IReadOnlyList<NavItem> Level(int? parent, int depth) => depth > MaxDepth ? [] :
            byParent[parent].Select(p =>
            {
                var children = Level(p.Id, depth + 1);
                return new NavItem(p.Title, LiquidFilters.Combine(basePath, "/pages/" + p.Slug), path == "/pages/" + p.Slug) { Children = children };
            }).ToList();
        // Roots are pages without a parent; a published page whose parent is hidden is left out with it.
        return Level(null, 1);
    }

    /// <summary>ホーム › parents › the page: the published ancestors of a page, top first.</summary>
    public static IReadOnlyList<Breadcrumb> Trail(IReadOnlyList<MenuPage> pages, MenuPage page)
    {
        var byId = pages.ToDictionary(p => p.Id);
        var ancestors = new List<Breadcrumb>();
        var seen = new HashSet<int> { page.Id };
        for (var parent = page.ParentId; parent is { } id && byId.TryGetValue(id, out var p) && seen.Add(id); parent = p.ParentId)
            if (p.IsPublished)
                ancestors.Insert(0, new Breadcrumb(p.Title, "/pages/" + p.Slug));
        return [new Breadcrumb("ホーム", "/"), .. ancestors, new Breadcrumb(page.Title)];
    }

    /// <summary>
    /// Checks a proposed arrangement (page id → parent id) of every page of the site: each parent must
    /// be another page of the same site, following parents must never come back to the page (a cycle),
    /// and no page may sit deeper than <see cref="MaxDepth"/>. Returns, per page id, what is wrong.
    /// </summary>
    public static Dictionary<int, string> Validate(IReadOnlyDictionary<int, int?> parents, IReadOnlyDictionary<int, string> titles)
    {
        var problems = new Dictionary<int, string>();
        foreach (var (id, parent) in parents)
        {
            if (parent is null)
                continue;
            if (parent == id)
            {
                problems[id] = $"「{titles[id]}」の親ページに、そのページ自身は選べません。";
                continue;
            }
            if (!parents.ContainsKey(parent.Value))
            {
                problems[id] = $"「{titles[id]}」の親ページは、このサイトのページから選んでください。";
                continue;
            }
            var depth = 1;
            var seen = new HashSet<int> { id };
            for (int? up = parent; up is { } u; up = parents.GetValueOrDefault(u))
            {
                if (!seen.Add(u))
                {
                    problems[id] = $"「{titles[id]}」の親ページ「{titles[u]}」は、「{titles[id]}」の下にあります。親子関係が循環するため設定できません。";
                    break;
                }
                depth++;
            }
            if (!problems.ContainsKey(id) && depth > MaxDepth)
                problems[id] = $"「{titles[id]}」は{depth}階層目になります。メニューは{MaxDepth}階層までにしてください。";
        }
        return problems;
    }
}
