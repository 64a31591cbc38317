
namespace NpoMunicipalNetwork.Members;

public sealed record RegistryRow(string Code, string Name, string Prefecture, string Kind, string Membership, string EditUrl);

public sealed record RegistryListModel(IReadOnlyList<RegistryRow> Rows, Pager Pager, string? Query, IReadOnlyList<Option> Scopes);

/// <summary>The secretariat edits memberships: join and leave dates, the NPO policy department and its public contact.</summary>
public static class RegistryAdminEndpoints
{
    private static readonly AdminSection Section = new("団体名簿", "/members", Permissions.ManageRegistry);

    public static RouteGroupBuilder MapRegistryAdmin(this RouteGroupBuilder admin)
    {
        var g = Section.MapGroup(admin);
        g.MapGet("/", List);
        g.MapGet("/{code}/edit", Edit);
        g.MapPost("/{code}", Update);
        return admin;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var list = new ListQuery(http.Request, "/admin/members", ["kana"], "kana");
        var q = db.Governments.AsNoTracking().Include(g => g.Membership).AsQueryable();
        var text = list.Filter("q");
        if (text is not null)
            q = q.Where(g => g.Name.Contains(text) || g.Kana.Contains(text) || g.Code.StartsWith(text));
        var scope = list.Filter("scope");
        if (scope != "all")
            q = q.Where(g => g.Membership != null);
        var total = await q.CountAsync(ct);
        var rows = await list.Apply(q.OrderBy(g => g.Kana).ThenBy(g => g.Code)).ToListAsync(ct);
        return ThemeResults.Admin("admin/members/index", new RegistryListModel(
            rows.Select(g => new RegistryRow(g.Code, g.Name, g.PrefectureName, g.Kind.Japanese(),
                g.Membership is null ? "—" : g.Membership.LeftOn is { } left ? $"{Infrastructure.JapaneseEra.FormatDate(left)}退会" : $"{Infrastructure.JapaneseEra.FormatDate(g.Membership.JoinedOn)}加入",
                $"/admin/members/{g.Code}/edit")).ToList(),
            list.Pager(total), text,
            [new("members", "会員（元会員を含む）", scope != "all"), new("all", "全国の全団体", scope == "all")]),
            Section.ListMeta());
    }

    private static IResult Form(Government g, FormState form, int status = 200) =>
        ThemeResults.Admin("admin/members/edit", new EditFormModel(form, $"/admin/members/{g.Code}", false, new Dictionary<string, IReadOnlyList<Option>>(),
            Extra: new { name = g.Name, code = g.Code, kind = g.Kind.Japanese(), prefecture = g.PrefectureName }),
            new PageMeta($"{g.Name}の会員情報", Section.Trail(new Breadcrumb(g.Name))), status);

    private static async Task<IResult> Edit(string code, NetworkDbContext db, CancellationToken ct)
    {
        if (LocalGovernmentCode.Validate(code) is { } error)
            return ThemeResults.BadRequest([error]);
        var g = await db.Governments.AsNoTracking().Include(x => x.Membership).FirstOrDefaultAsync(x => x.Code == code, ct);
        if (g is null)
            return ThemeResults.NotFound();
        var form = new FormState();
        var m = g.Membership;
        form.Values["joinedOn"] = m?.JoinedOn.ToString("yyyy-MM-dd");
        form.Values["leftOn"] = m?.LeftOn?.ToString("yyyy-MM-dd");
        form.Values["department"] = m?.DepartmentName;
        form.Values["phone"] = m?.ContactPhone;
        form.Values["email"] = m?.ContactEmail;
        form.Values["address"] = m?.ContactAddress;
        return Form(g, form);
    }

    private static async Task<IResult> Update(string code, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (LocalGovernmentCode.Validate(code) is { } error)
            return ThemeResults.BadRequest([error]);
        var g = await db.Governments.Include(x => x.Membership).FirstOrDefaultAsync(x => x.Code == code, ct);
        if (g is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        var joined = form.Date("joinedOn", "加入日", required: true);
        var left = form.Date("leftOn", "退会日", required: false);
        if (joined is not null && left is not null && left <= joined)
            form.Error("leftOn", "退会日は加入日より後の日付にしてください。");
        var department = form.Optional("department", "担当部署", 200);
        var phone = form.Phone("phone", "電話番号");
        var email = form.Email("email", "メールアドレス", required: false);
        var address = form.Optional("address", "所在地", 400);
        if (!form.IsValid)
            return Form(g, form, 400);

        var old = g.Membership;
        var changes = new List<string>();
        void Compare(string label, string? a, string? b)
        {
            if (a != b)
                changes.Add($"{label}: {(string.IsNullOrEmpty(a) ? "なし" : a)} → {(string.IsNullOrEmpty(b) ? "なし" : b)}");
        }
        static string? Wareki(DateOnly? d) => d is { } x ? Infrastructure.JapaneseEra.FormatDate(x) : null;
        Compare("加入日", Wareki(old?.JoinedOn), Wareki(joined));
        Compare("退会日", Wareki(old?.LeftOn), Wareki(left));
        Compare("担当部署", old?.DepartmentName, department);
        Compare("電話番号", old?.ContactPhone, phone);
        Compare("メールアドレス", old?.ContactEmail, email);
        Compare("所在地", old?.ContactAddress, address);
        var what = old is null ? "の加入を登録しました"
            : old.LeftOn is null && left is not null ? "の退会を登録しました"
            : old.LeftOn is not null && left is null ? "の退会を取り消しました"
            : "の会員情報を変更しました";
        if (changes.Count > 0 || old?.IsSample == true)
            audit.Record(AuditAction.RegistryChange, AuditTarget.Government(g),
                $"{g.Name}{what}（{(changes.Count > 0 ? string.Join("、", changes) : "見本データを確定")}）。", scope: AuditScope.Network);

        var m = g.Membership ??= new Membership { GovernmentCode = code };
        (m.JoinedOn, m.LeftOn, m.DepartmentName, m.ContactPhone, m.ContactEmail, m.ContactAddress) = (joined!.Value, left, department, phone, email, address);
        m.IsSample = false;
        await db.SaveChangesAsync(ct);
        return Results.Redirect("/admin/members?saved=" + code);
    }
}
