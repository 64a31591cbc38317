using NpoMunicipalNetwork.Recipes;

namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// Seeds or updates the case vocabulary, upserted by code:
/// <c>{ "name": "CaseVocabulary", "fields": [{ "code": "welfare", "name": "福祉" }],
/// "methods": [{ "code": "subsidy", "name": "補助金", "types": ["support", "collaboration"] }] }</c>.
/// </summary>
public sealed partial class CaseVocabularyStep : IRecipeStep
{
    public string Name => "CaseVocabulary";

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex CodeShape();

    public static string? ValidateCode(string code) =>
        CodeShape().IsMatch(code) && code.Length <= 40 ? null : $"コード「{code}」は40文字以内の半角英小文字・数字とハイフンで指定してください。";

    public Func<RecipeExecutionContext, Task> Prepare(StepReader step)
    {
        step.AllowOnly("name", "fields", "methods");
        var fields = step.Objects("fields").Select((f, i) =>
        {
            f.AllowOnly("code", "name", "retired");
            return (Code: f.String("code", required: true, check: ValidateCode), Name: f.String("name", required: true, maxLength: 60), Retired: f.Bool("retired"), Order: i);
        }).ToList();
        var methods = step.Objects("methods").Select((m, i) =>
        {
            m.AllowOnly("code", "name", "types", "retired");
            var types = m.Strings("types", t => RelationshipTypeNames.FromCodeOrName(t) is null ? $"関係区分「{t}」は support・collaboration・outsourcing のいずれかです。" : null);
            if (types.Count == 0)
                m.Error("types", "手法が使われる関係区分を1つ以上指定してください。");
            var set = types.Aggregate(RelationshipTypes.None, (s, t) => s | (RelationshipTypeNames.FromCodeOrName(t)?.Flag() ?? RelationshipTypes.None));
            return (Code: m.String("code", required: true, check: ValidateCode), Name: m.String("name", required: true, maxLength: 60), Types: set, Retired: m.Bool("retired"), Order: i);
        }).ToList();

        return async ctx =>
        {
            var existingFields = await ctx.Db.PolicyFields.ToDictionaryAsync(f => f.Code, ctx.CancellationToken);
            foreach (var f in fields)
            {
                if (!existingFields.TryGetValue(f.Code!, out var field))
                    ctx.Db.PolicyFields.Add(field = new PolicyField { Code = f.Code!, Name = f.Name! });
                field.Name = f.Name!;
                field.Order = f.Order;
                field.IsRetired = f.Retired;
            }
            var existingMethods = await ctx.Db.PolicyMethods.ToDictionaryAsync(m => m.Code, ctx.CancellationToken);
            foreach (var m in methods)
            {
                if (!existingMethods.TryGetValue(m.Code!, out var method))
                    ctx.Db.PolicyMethods.Add(method = new PolicyMethod { Code = m.Code!, Name = m.Name! });
                method.Name = m.Name!;
                method.RelationshipTypes = m.Types;
                method.Order = m.Order;
                method.IsRetired = m.Retired;
            }
        };
    }
}
