namespace NpoMunicipalNetwork.Recipes;

/// <summary>
/// Lets a feature put its content type into recipes' <c>Content</c> step:
/// <c>{ "type": "Page", ... }</c>. Features register one handler each.
/// </summary>
public interface IContentTypeHandler
{
    string Type { get; }

    /// <summary>Validates one item without the database and returns the write to run inside its tenant.</summary>
    Func<RecipeExecutionContext, Task> Prepare(StepReader item);
}
