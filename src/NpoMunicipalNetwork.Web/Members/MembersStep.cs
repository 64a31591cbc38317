using NpoMunicipalNetwork.Recipes;

namespace NpoMunicipalNetwork.Members;

/// <summary>
/// Loads the government registry and records memberships:
/// <c>{ "name": "Members", "registry": "builtin", "memberships": [ { "code": "120006", "joinedOn": "2005-11-01", ... } ] }</c>.
/// <c>registry</c> is <c>builtin</c> (the CSVs shipped with the app) or a folder relative to the recipe
/// holding <c>prefectures.csv</c> and <c>municipalities.csv</c>; rows are upserted by code.
/// </summary>
public sealed class MembersStep : IRecipeStep
{
    public string Name => "Members";

    private sealed record Item(string Field, string Code, DateOnly JoinedOn, DateOnly? LeftOn, string? Department, string? Phone, string? Email, string? Address, bool IsSample);

    public Func<RecipeExecutionContext, Task> Prepare(StepReader step)
    {
        step.AllowOnly("name", "registry", "memberships");
        var registry = step.String("registry", maxLength: 500);
        var items = new List<Item>();
        var codes = new HashSet<string>();
        foreach (var m in step.Objects("memberships"))
        {
            m.AllowOnly("code", "joinedOn", "leftOn", "department", "phone", "email", "address", "sample");
            var code = m.String("code", required: true, check: LocalGovernmentCode.Validate);
            var joined = m.Date("joinedOn", required: true);
            var left = m.Date("leftOn");
            var department = m.String("department", maxLength: 200);
            var phone = m.String("phone", maxLength: 40, check: p => ContactRules.ValidatePhone("電話番号", p));
            var email = m.String("email", maxLength: 254, check: e => ContactRules.ValidateEmail("メールアドレス", e));
            var address = m.String("address", maxLength: 400);
            var sample = m.Bool("sample");
            if (joined is not null && left is not null && left <= joined)
                m.Error("leftOn", "退会日は加入日より後にしてください。");
            if (code is not null && !codes.Add(code))
                m.Error("code", $"団体「{code}」が同じステップに2回あります。");
            if (code is not null && joined is not null)
                items.Add(new Item(m.PathOf(""), code, joined.Value, left, department, phone, email, address, sample));
        }
        if (registry is null && !step.Has("memberships"))
            step.Error("registry", "registry と memberships のどちらかを指定してください。");

        return async ctx =>
        {
            if (registry is not null)
                await LoadRegistryAsync(registry, ctx);
            await ApplyMembershipsAsync(items, ctx);
        };
    }

    private static async Task LoadRegistryAsync(string registry, RecipeExecutionContext ctx)
    {
        var folder = registry == "builtin" ? RegistryCsv.DefaultFolder : Path.GetFullPath(registry, ctx.RecipeFolder);
        IReadOnlyList<Government> loaded;
        try
        {
            loaded = RegistryCsv.Load(folder);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or CsvHelper.CsvHelperException)
        {
            throw new RecipeStepException("registry", $"団体名簿を読み込めません（{folder}）: {ex.Message}");
        }

        var existing = await ctx.Db.Governments.ToDictionaryAsync(g => g.Code, ctx.CancellationToken);
        foreach (var g in loaded)
        {
            if (existing.TryGetValue(g.Code, out var row))
            {
                row.Kind = g.Kind;
                row.PrefectureCode = g.PrefectureCode;
                row.PrefectureName = g.PrefectureName;
                row.Name = g.Name;
                row.Kana = g.Kana;
                row.WebsiteUrl = g.WebsiteUrl;
                row.ParentCode = g.ParentCode;
            }
            else
            {
                ctx.Db.Governments.Add(g);
            }
        }
    }

    private static async Task ApplyMembershipsAsync(List<Item> items, RecipeExecutionContext ctx)
    {
        if (items.Count == 0)
            return;
        await ctx.Db.SaveChangesAsync(ctx.CancellationToken);
        var wanted = items.Select(i => i.Code).ToList();
        var known = await ctx.Db.Governments.Where(g => wanted.Contains(g.Code)).Select(g => g.Code).ToListAsync(ctx.CancellationToken);
        var memberships = await ctx.Db.Memberships.Where(m => wanted.Contains(m.GovernmentCode)).ToDictionaryAsync(m => m.GovernmentCode, ctx.CancellationToken);
        foreach (var item in items)
        {
            if (!known.Contains(item.Code))
                throw new RecipeStepException(item.Field + "code", $"地方公共団体コード「{item.Code}」は団体名簿にありません。");
            if (!memberships.TryGetValue(item.Code, out var m))
            {
                m = new Membership { GovernmentCode = item.Code };
                ctx.Db.Memberships.Add(m);
            }
            m.JoinedOn = item.JoinedOn;
            m.LeftOn = item.LeftOn;
            m.DepartmentName = item.Department;
            m.ContactPhone = item.Phone;
            m.ContactEmail = item.Email;
            m.ContactAddress = item.Address;
            m.IsSample = item.IsSample;
        }
    }
}
