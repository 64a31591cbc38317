
namespace NpoMunicipalNetwork.Cases;

public sealed record VocabularyRow(int Id, string Code, string Name, string? Types, int Order, bool IsRetired, int UseCount, string EditUrl);

public sealed record VocabularyModel(IReadOnlyList<VocabularyRow> Fields, IReadOnlyList<VocabularyRow> Methods, FormState FieldForm, FormState MethodForm, IReadOnlyList<Option> TypeOptions);

/// <summary>
/// The secretariat manages the controlled vocabulary of the case database. Codes never change once
/// created (exports, imports and links carry them); a term in use is retired rather than deleted.
/// </summary>
public static class VocabularyAdminEndpoints
{
    private static readonly AdminSection Section = new("事例の分類", "/vocabulary", Permissions.ManageCaseVocabulary);

    public static RouteGroupBuilder MapVocabularyAdmin(this RouteGroupBuilder admin)
    {
        var g = Section.MapGroup(admin);
        g.MapGet("/", (NetworkDbContext db, CancellationToken ct) => Index(db, new FormState(), new FormState(), 200, ct));
        g.MapPost("/fields", (HttpContext http, IFormCollection input, NetworkDbContext db, Audit.AuditLog audit, CancellationToken ct) => Save(null, false, http, input, db, audit, ct));
        g.MapPost("/methods", (HttpContext http, IFormCollection input, NetworkDbContext db, Audit.AuditLog audit, CancellationToken ct) => Save(null, true, http, input, db, audit, ct));
        g.MapGet("/fields/{id:int}/edit", (int id, NetworkDbContext db, CancellationToken ct) => Edit(id, false, db, ct));
        g.MapGet("/methods/{id:int}/edit", (int id, NetworkDbContext db, CancellationToken ct) => Edit(id, true, db, ct));
        g.MapPost("/fields/{id:int}", (int id, HttpContext http, IFormCollection input, NetworkDbContext db, Audit.AuditLog audit, CancellationToken ct) => Save(id, false, http, input, db, audit, ct));
        g.MapPost("/methods/{id:int}", (int id, HttpContext http, IFormCollection input, NetworkDbContext db, Audit.AuditLog audit, CancellationToken ct) => Save(id, true, http, input, db, audit, ct));
        return admin;
    }

    private static IReadOnlyList<Option> TypeOptions(RelationshipTypes selected) =>
        RelationshipTypeNames.All.Select(t => new Option(t.Code(), t.Japanese(), selected.Includes(t))).ToList();

    private static async Task<IResult> Index(NetworkDbContext db, FormState fieldForm, FormState methodForm, int status, CancellationToken ct)
    {
        var fieldUse = await db.PolicyCases.IgnoreQueryFilters().SelectMany(c => c.Fields).GroupBy(f => f.PolicyFieldId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var methodUse = await db.PolicyCases.IgnoreQueryFilters().SelectMany(c => c.Methods).GroupBy(m => m.PolicyMethodId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var v = await CaseVocabulary.LoadAsync(db, ct);
        var model = new VocabularyModel(
            v.Fields.Select(f => new VocabularyRow(f.Id, f.Code, f.Name, null, f.Order, f.IsRetired, fieldUse.GetValueOrDefault(f.Id), $"/admin/vocabulary/fields/{f.Id}/edit")).ToList(),
            v.Methods.Select(m => new VocabularyRow(m.Id, m.Code, m.Name, TypesText(m.RelationshipTypes), m.Order, m.IsRetired, methodUse.GetValueOrDefault(m.Id), $"/admin/vocabulary/methods/{m.Id}/edit")).ToList(),
            fieldForm, methodForm, TypeOptions(RelationshipTypes.None));
        return ThemeResults.Admin("admin/vocabulary/index", model, Section.ListMeta("事例の分類（政策分野・手法）"), status);
    }

    private static string TypesText(RelationshipTypes types) => string.Join("・", RelationshipTypeNames.All.Where(t => types.Includes(t)).Select(t => t.Japanese()));

    private static async Task<IResult> Edit(int id, bool method, NetworkDbContext db, CancellationToken ct, FormState? form = null, int status = 200)
    {
        var m = method ? await db.PolicyMethods.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) : null;
        var f = method ? null : await db.PolicyFields.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var (code, name, order, retired, types) = m is not null ? (m.Code, m.Name, m.Order, m.IsRetired, m.RelationshipTypes)
            : f is not null ? (f.Code, f.Name, f.Order, f.IsRetired, RelationshipTypes.None) : (null, "", 0, false, RelationshipTypes.None);
        if (code is null)
            return ThemeResults.NotFound();
        if (form is null)
        {
            form = new FormState();
            form.Values["name"] = name;
            form.Values["order"] = order.ToString();
            form.Values["retired"] = retired ? "1" : null;
            form.Values["types"] = RelationshipTypeNames.All.Where(t => types.Includes(t)).Select(t => t.Code()).ToArray();
        }
        var selected = form.Many("types").Select(RelationshipTypeNames.FromCodeOrName).OfType<RelationshipType>().Aggregate(RelationshipTypes.None, (s, t) => s | t.Flag());
        var kind = method ? "methods" : "fields";
        var title = method ? $"手法「{name}」の編集" : $"政策分野「{name}」の編集";
        return ThemeResults.Admin("admin/vocabulary/edit", new EditFormModel(form, $"/admin/vocabulary/{kind}/{id}", false,
                new Dictionary<string, IReadOnlyList<Option>> { ["types"] = TypeOptions(selected) }, Extra: new { code, is_method = method }),
            new PageMeta(title, Section.Trail(new Breadcrumb(title))), status);
    }

    private static async Task<IResult> Save(int? id, bool method, HttpContext http, IFormCollection input, NetworkDbContext db, Audit.AuditLog audit, CancellationToken ct)
    {
        var form = FormState.From(input);
        var name = form.Required("name", "名称", 60);
        var order = form.OptionalInt("order", "表示順", 0, 10_000) ?? 0;
        var retired = form.Text("retired") == "1";
        var types = RelationshipTypes.None;
        foreach (var t in form.Many("types"))
            types |= RelationshipTypeNames.FromCodeOrName(t)?.Flag() ?? RelationshipTypes.None;
        if (method && types == RelationshipTypes.None)
            form.Error("types", "この手法が使われる関係区分を1つ以上選んでください。");
        string? code = null;
        if (id is null)
        {
            code = form.Required("code", "コード", 40);
            if (code is not null && CaseVocabularyStep.ValidateCode(code) is { } bad)
                form.Error("code", bad);
            else if (code is not null && (method ? await db.PolicyMethods.AnyAsync(m => m.Code == code, ct) : await db.PolicyFields.AnyAsync(f => f.Code == code, ct)))
                form.Error("code", $"コード「{code}」はすでに使われています。");
        }
        if (name is not null && (method ? await db.PolicyMethods.AnyAsync(m => m.Name == name && m.Id != id, ct) : await db.PolicyFields.AnyAsync(f => f.Name == name && f.Id != id, ct)))
            form.Error("name", $"名称「{name}」はすでにあります。");
        if (!form.IsValid)
            return id is null
                ? await Index(db, method ? new FormState() : form, method ? form : new FormState(), 400, ct)
                : await Edit(id.Value, method, db, ct, form, 400);

        string label;
        if (method)
        {
            var m = id is null ? db.PolicyMethods.Add(new PolicyMethod { Code = code!, Name = name! }).Entity : await db.PolicyMethods.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null)
                return ThemeResults.NotFound();
            (m.Name, m.Order, m.IsRetired, m.RelationshipTypes) = (name!, order, retired, types);
            label = $"手法「{m.Name}」（{m.Code}、{TypesText(types)}）";
            code = m.Code;
        }
        else
        {
            var f = id is null ? db.PolicyFields.Add(new PolicyField { Code = code!, Name = name! }).Entity : await db.PolicyFields.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (f is null)
                return ThemeResults.NotFound();
            (f.Name, f.Order, f.IsRetired) = (name!, order, retired);
            label = $"政策分野「{f.Name}」（{f.Code}）";
            code = f.Code;
        }
        audit.Record(id is null ? Audit.AuditAction.Create : Audit.AuditAction.Update, new Audit.AuditTarget(Audit.AuditTargetTypes.CaseVocabulary, code, name),
            $"{label}を{(id is null ? "追加" : "更新")}{(retired ? "（使用停止）" : "")}", scope: Audit.AuditScope.Network);
        await db.SaveChangesAsync(ct);
        return Results.Redirect("/admin/vocabulary");
    }
}
