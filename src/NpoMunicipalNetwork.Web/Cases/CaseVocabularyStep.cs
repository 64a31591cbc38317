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
            var ct = ctx.CancellationToken;
            await UpsertAsync(ctx.Db.PolicyFields, fields.Select(f => new PolicyField { Code = f.Code!, Name = f.Name!, Order = f.Order, IsRetired = f.Retired }),
                (_, _) => { }, ct);
            await UpsertAsync(ctx.Db.PolicyMethods, methods.Select(m => new PolicyMethod { Code = m.Code!, Name = m.Name!, Order = m.Order, IsRetired = m.Retired, RelationshipTypes = m.Types }),
                (stored, read) => stored.RelationshipTypes = read.RelationshipTypes, ct);
        };
    }

    /// <summary>
    /// Adds each term whose code is new; rewrites the others' name, order and retirement, and through
    /// <paramref name="copy"/> what that kind of term has beyond them. The code never changes: it is the term's identity.
    /// </summary>
    private static async Task UpsertAsync<T>(DbSet<T> set, IEnumerable<T> read, Action<T, T> copy, CancellationToken ct) where T : VocabularyTerm
    {
        var existing = await set.ToDictionaryAsync(t => t.Code, ct);
        foreach (var term in read)
        {
            if (!existing.TryGetValue(term.Code, out var stored))
            {
                set.Add(term);
                continue;
            }
            stored.Name = term.Name;
            stored.Order = term.Order;
            stored.IsRetired = term.IsRetired;
            copy(stored, term);
        }
    }
}
