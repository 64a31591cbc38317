using System.Text.Json;
using System.Text.Json.Nodes;

namespace NpoMunicipalNetwork.Recipes;

/// <summary>Parses a recipe file and checks its header; step contents are checked by the steps.</summary>
public static class RecipeReader
{
    private static readonly string[] HeaderFields = ["name", "displayName", "description", "author", "website", "version", "issetuprecipe", "categories", "tags", "steps"];

    public static Recipe Read(string path)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new RecipeException([new RecipeError(file, null, null, null, $"レシピファイル「{path}」が見つかりません。")]);

        JsonNode? root;
        try
        {
            using var stream = File.OpenRead(path);
            root = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new RecipeException([new RecipeError(file, null, null, null,
                $"JSON として読めません（{ex.LineNumber + 1}行目 {ex.BytePositionInLine + 1}バイト目付近）: {ex.Message}")]);
        }

        if (root is not JsonObject obj)
            throw new RecipeException([new RecipeError(file, null, null, null, "レシピの最上位は JSON オブジェクトにしてください。")]);

        var problems = new List<(string Field, string Message)>();
        var header = new StepReader(obj, "", problems);
        header.AllowOnly(HeaderFields);
        var name = header.String("name", required: true, maxLength: 100);
        var displayName = header.String("displayName", maxLength: 200);
        var description = header.String("description", maxLength: 2000);
        var author = header.String("author", maxLength: 200);
        var version = header.String("version", maxLength: 40);
        var isSetup = header.Bool("issetuprecipe");

        var steps = new List<JsonObject>();
        if (!obj.TryGetPropertyValue("steps", out var stepsNode) || stepsNode is not JsonArray array)
            problems.Add(("steps", "steps は配列で指定してください。"));
        else
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject step)
                    steps.Add(step);
                else
                    problems.Add(($"steps[{i}]", "ステップはオブジェクトで指定してください。"));
            }

        if (problems.Count > 0)
            throw new RecipeException(problems.Select(p => new RecipeError(file, null, null, p.Field, p.Message)).ToList());

        return new Recipe(path, name!, displayName, description, author, version, isSetup, steps);
    }
}
