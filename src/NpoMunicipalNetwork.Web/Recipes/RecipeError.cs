namespace NpoMunicipalNetwork.Recipes;

/// <summary>One problem found in a recipe, located by file, step and field (a JSON path inside the step).</summary>
public sealed record RecipeError(string File, int? StepNumber, string? StepName, string? Field, string Message)
{
    public override string ToString()
    {
        var where = File;
        if (StepNumber is { } n)
            where += $" ステップ{n}「{StepName}」";
        if (!string.IsNullOrEmpty(Field))
            where += $" 項目「{Field}」";
        return $"{where}: {Message}";
    }
}

/// <summary>A recipe that did not validate or failed while applying; nothing of it was applied.</summary>
public sealed class RecipeException(IReadOnlyList<RecipeError> errors)
    : Exception("レシピを適用できませんでした（何も変更していません）:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<RecipeError> Errors { get; } = errors;
}

/// <summary>Thrown by a step while applying, when a value is well-formed but refers to something that does not exist.</summary>
public sealed class RecipeStepException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
