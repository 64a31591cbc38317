
namespace NpoMunicipalNetwork.Recipes;

/// <summary>
/// Validates a whole recipe first, then applies it in one database transaction: a recipe
/// either applies completely or changes nothing.
/// </summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStep> steps, NetworkDbContext db, TenantContext tenantContext, TenantCatalog catalog, TimeProvider clock,
    Microsoft.AspNetCore.OutputCaching.IOutputCacheStore pageCache)
{
    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> StepNames => _steps.Keys;

    /// <summary>Throws <see cref="RecipeException"/> listing every problem; returns the prepared work otherwise.</summary>
    public IReadOnlyList<(int Number, string Name, Func<RecipeExecutionContext, Task> Work)> Validate(Recipe recipe)
    {
        var errors = new List<RecipeError>();
        var prepared = new List<(int, string, Func<RecipeExecutionContext, Task>)>();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var number = i + 1;
            var node = recipe.Steps[i];
            var problems = new List<(string Field, string Message)>();
            var reader = new StepReader(node, "", problems);
            var name = reader.String("name", required: true, maxLength: 100);
            if (name is null)
            {
                errors.AddRange(problems.Select(p => new RecipeError(recipe.FileName, number, "?", p.Field, p.Message)));
                continue;
            }
            if (!_steps.TryGetValue(name, out var step))
            {
                errors.Add(new RecipeError(recipe.FileName, number, name, "name",
                    $"未知のステップです。使えるステップ: {string.Join(", ", _steps.Keys.Order())}"));
                continue;
            }
            var work = step.Prepare(reader);
            if (problems.Count > 0)
                errors.AddRange(problems.Select(p => new RecipeError(recipe.FileName, number, name, p.Field, p.Message)));
            else
                prepared.Add((number, name, work));
        }
        if (errors.Count > 0)
            throw new RecipeException(errors);
        return prepared;
    }

    public async Task ApplyAsync(Recipe recipe, string? tenantName = null, CancellationToken ct = default)
    {
        var prepared = Validate(recipe);
        var context = new RecipeExecutionContext(db, tenantContext, tenantName, Path.GetDirectoryName(Path.GetFullPath(recipe.File))!,
            clock.GetUtcNow().UtcDateTime, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (number, name, work) in prepared)
        {
            try
            {
                await work(context);
                await db.SaveChangesAsync(ct);
            }
            catch (RecipeStepException ex)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw new RecipeException([new RecipeError(recipe.FileName, number, name, ex.Field, ex.Message)]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw new RecipeException([new RecipeError(recipe.FileName, number, name, null,
                    $"適用中にエラーが発生しました: {(ex.InnerException ?? ex).Message}")]);
            }
        }
        await tx.CommitAsync(ct);
        catalog.Invalidate();
        // Pages rendered between a step's save and the commit could hold pre-commit data.
        await Infrastructure.PublicPageCache.EvictAsync(pageCache);
    }
}
