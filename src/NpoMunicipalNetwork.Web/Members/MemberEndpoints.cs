using Microsoft.AspNetCore.WebUtilities;

namespace NpoMunicipalNetwork.Members;

/// <summary>The member directory (会員団体一覧) and member profiles, on the hub.</summary>
public static class MemberEndpoints
{
    public const int PageSize = 50;

    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/members").HubOnly();
        group.MapGet("/", Directory);
        group.MapGet("/{code}", Profile);
        return app;
    }

    private sealed record Query(string? Prefecture, GovernmentKind? Kind, bool ShowAll, int Page);

    private static Query? Parse(HttpRequest request, List<string> errors)
    {
        var q = request.Query;
        string? pref = q["pref"];
        if (string.IsNullOrEmpty(pref))
            pref = null;
        else if (pref.Length != 2 || !int.TryParse(pref, out var p) || p is < 1 or > 47)
            errors.Add($"都道府県（pref）「{pref}」は 01〜47 の2桁で指定してください。");

        string? kindSlug = q["kind"];
        GovernmentKind? kind = null;
        if (!string.IsNullOrEmpty(kindSlug) && (kind = GovernmentKindNames.FromSlug(kindSlug)) is null)
            errors.Add($"団体の種類（kind）「{kindSlug}」は使えません。使える値: {string.Join(", ", Enum.GetValues<GovernmentKind>().Select(k => k.Slug()))}");

        string? scope = q["scope"];
        if (!string.IsNullOrEmpty(scope) && scope is not ("all" or "members"))
            errors.Add($"表示範囲（scope）「{scope}」は members か all で指定してください。");

        string? pageText = q["page"];
        var page = 1;
        if (!string.IsNullOrEmpty(pageText) && (!int.TryParse(pageText, out page) || page < 1 || page > 10_000))
            errors.Add($"ページ番号（page）「{pageText}」は 1 以上の整数で指定してください。");

        return errors.Count == 0 ? new Query(pref, kind, scope == "all", page) : null;
    }

    private static async Task<IResult> Directory(HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<string>();
        if (Parse(http.Request, errors) is not { } query)
            return ThemeResults.BadRequest(errors);

        var today = clock.Today();
        var scoped = db.Governments.AsNoTracking();
        if (!query.ShowAll)
            scoped = scoped.Where(g => g.Membership != null && g.Membership.JoinedOn <= today && (g.Membership.LeftOn == null || g.Membership.LeftOn > today));

        var byKind = await (query.Prefecture is null ? scoped : scoped.Where(g => g.PrefectureCode == query.Prefecture))
            .GroupBy(g => g.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byPref = await (query.Kind is null ? scoped : scoped.Where(g => g.Kind == query.Kind))
            .GroupBy(g => g.PrefectureCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var prefNames = await db.Governments.AsNoTracking().Where(g => g.Kind == GovernmentKind.Prefecture)
            .OrderBy(g => g.PrefectureCode).Select(g => new { g.PrefectureCode, g.Name }).ToListAsync(ct);

        var filtered = scoped;
        if (query.Prefecture is not null)
            filtered = filtered.Where(g => g.PrefectureCode == query.Prefecture);
        if (query.Kind is not null)
            filtered = filtered.Where(g => g.Kind == query.Kind);

        var total = await filtered.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (query.Page > pageCount)
            return ThemeResults.NotFound($"{query.Page}ページ目はありません（全{pageCount}ページ）。");

        var rows = await filtered
            .OrderBy(g => g.Kana).ThenBy(g => g.Code)
            .Skip((query.Page - 1) * PageSize).Take(PageSize)
            .Select(g => new { g.Code, g.Name, g.Kana, g.Kind, g.PrefectureName, JoinedOn = (DateOnly?)g.Membership!.JoinedOn, LeftOn = g.Membership!.LeftOn })
            .ToListAsync(ct);

        var memberships = await db.Memberships.AsNoTracking().Select(m => new { m.JoinedOn, m.LeftOn }).ToListAsync(ct);
        var memberCount = memberships.Count(m => m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today));

        var basePath = http.Request.PathBase.Value + "/members";
        string Url(string? pref, GovernmentKind? kind, bool all, int page)
        {
            var p = new Dictionary<string, string?>();
            if (pref is not null) p["pref"] = pref;
            if (kind is not null) p["kind"] = kind.Value.Slug();
            if (all) p["scope"] = "all";
            if (page > 1) p["page"] = page.ToString();
            return QueryHelpers.AddQueryString(basePath, p);
        }

        var model = new MemberDirectoryModel(
            rows.Select(r => new DirectoryRow(r.Code, r.Name, r.Kana, r.Kind.Japanese(), r.PrefectureName,
                r.JoinedOn is { } j && j <= today && (r.LeftOn is null || r.LeftOn > today), r.JoinedOn, $"{basePath}/{r.Code}")).ToList(),
            total,
            memberCount,
            query.Page,
            pageCount,
            query.ShowAll,
            query.Prefecture,
            query.Kind?.Slug(),
            prefNames.FirstOrDefault(p => p.PrefectureCode == query.Prefecture)?.Name,
            query.Kind?.Japanese(),
            prefNames.Select(p => new FilterOption(p.PrefectureCode, p.Name, byPref.FirstOrDefault(x => x.Key == p.PrefectureCode)?.Count ?? 0, p.PrefectureCode == query.Prefecture)).ToList(),
            Enum.GetValues<GovernmentKind>().Select(k => new FilterOption(k.Slug(), k.Japanese(), byKind.FirstOrDefault(x => x.Key == k)?.Count ?? 0, k == query.Kind)).ToList(),
            PageWindow(query.Page, pageCount).Select(n => new PageLink(n, Url(query.Prefecture, query.Kind, query.ShowAll, n), n == query.Page)).ToList(),
            query.Page > 1 ? Url(query.Prefecture, query.Kind, query.ShowAll, query.Page - 1) : null,
            query.Page < pageCount ? Url(query.Prefecture, query.Kind, query.ShowAll, query.Page + 1) : null,
            Url(query.Prefecture, query.Kind, false, 1),
            Url(query.Prefecture, query.Kind, true, 1),
            MembershipStatistics.ByFiscalYear(memberships.Select(m => (m.JoinedOn, m.LeftOn)).ToList(), today));

        var title = query.ShowAll ? "全国の地方公共団体" : "会員団体一覧";
        var filterLabel = string.Join("・", new[] { model.PrefectureLabel, model.KindLabel }.Where(x => x is not null));
        if (filterLabel.Length > 0)
            title += $"（{filterLabel}）";
        if (query.Page > 1)
            title += $" {query.Page}ページ目";
        return ThemeResults.View("members/index", model, new PageMeta(title, [new Breadcrumb("ホーム", "/"), new Breadcrumb("会員団体")]));
    }

    private static IEnumerable<int> PageWindow(int page, int count)
    {
        var from = Math.Max(1, page - 4);
        var to = Math.Min(count, from + 8);
        from = Math.Max(1, to - 8);
        return Enumerable.Range(from, to - from + 1);
    }

    private static async Task<IResult> Profile(string code, HttpContext http, NetworkDbContext db, TenantCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        if (LocalGovernmentCode.Validate(code) is { } error)
            return ThemeResults.BadRequest([error]);

        var g = await db.Governments.AsNoTracking().Include(x => x.Membership).FirstOrDefaultAsync(x => x.Code == code, ct);
        if (g is null)
            return ThemeResults.NotFound($"地方公共団体コード「{code}」の団体は名簿にありません。");

        var parent = g.ParentCode is null ? null : await db.Governments.AsNoTracking().FirstOrDefaultAsync(x => x.Code == g.ParentCode, ct);
        var site = (await catalog.AllAsync(ct)).FirstOrDefault(t => t.MemberCode == code && t.IsActive && !t.IsHub);
        var m = g.Membership;
        var basePath = http.Request.PathBase.Value;

        var model = new MemberProfileModel(
            g.Code, g.Name, g.Kana, g.Kind.Japanese(), g.PrefectureName,
            $"{basePath}/members?pref={g.PrefectureCode}",
            g.WebsiteUrl,
            m is not null && m.IsMemberOn(clock.Today()),
            m is not null,
            m?.JoinedOn, m?.LeftOn, m?.DepartmentName, m?.ContactPhone, m?.ContactEmail, m?.ContactAddress, m?.IsSample ?? false,
            site is null ? null : $"{basePath}/{site.Name}/",
            site?.DisplayName,
            parent?.Name,
            parent is null ? null : $"{basePath}/members/{parent.Code}");

        return ThemeResults.View("members/profile", model, new PageMeta(g.Name,
            [new Breadcrumb("ホーム", "/"), new Breadcrumb("会員団体", "/members"), new Breadcrumb(g.Name)],
            $"{g.Name}（{g.PrefectureName}・{g.Kind.Japanese()}）の団体情報"));
    }
}
