namespace NpoMunicipalNetwork.Recipes;

/// <summary>
/// A kind of recipe step (<c>{ "name": "Tenants", ... }</c>). <see cref="Prepare"/> reads and validates
/// the step without touching the database and returns the work to do; the executor runs all
/// prepared steps of a recipe in one transaction only when every step validated.
/// </summary>
public interface IRecipeStep
{
    string Name { get; }

    /// <summary>Reports problems on <paramref name="step"/>; the returned work is discarded if any were reported.</summary>
    Func<RecipeExecutionContext, Task> Prepare(StepReader step);
}
