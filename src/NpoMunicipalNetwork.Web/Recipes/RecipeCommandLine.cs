
namespace NpoMunicipalNetwork.Recipes;

/// <summary>
/// <c>dotnet run --project src/NpoMunicipalNetwork.Web -- recipe apply|validate|list ...</c>.
/// Runs against the configured database without starting the web server; exit code 0 on success,
/// 1 when the recipe has problems (printed with file, step and field), 2 on wrong usage.
/// </summary>
public static class RecipeCommandLine
{
    public const string Usage = """
        使い方:
          recipe list                               recipes/ にあるレシピの一覧
          recipe validate <file>                    レシピを検証する（データベースは変更しない）
          recipe apply <file> [--tenant <name>]     レシピを検証して1つのトランザクションで適用する
        """;

    public static bool IsRecipeCommand(string[] args) => args.Length > 0 && args[0] == "recipe";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var output = Console.Out;
        var verb = args.Length > 1 ? args[1] : null;
        var recipesFolder = ContentFolders.Locate("recipes", app.Environment.ContentRootPath, app.Configuration["Recipes:Path"]);

        switch (verb)
        {
            case "list":
                foreach (var file in Directory.EnumerateFiles(recipesFolder, "*.json").Order())
                {
                    try
                    {
                        var r = RecipeReader.Read(file);
                        await output.WriteLineAsync($"{Path.GetFileName(file),-32} {r.Name,-20} {(r.IsSetupRecipe ? "[setup] " : "")}{r.DisplayName} — {r.Description}");
                    }
                    catch (RecipeException ex)
                    {
                        await output.WriteLineAsync($"{Path.GetFileName(file),-32} (読めません) {ex.Errors[0]}");
                    }
                }
                return 0;

            case "validate" or "apply" when args.Length >= 3:
                var path = Resolve(args[2], recipesFolder);
                var tenant = ReadOption(args, "--tenant");
                try
                {
                    var recipe = RecipeReader.Read(path);
                    if (verb == "apply")
                        await DatabaseInitializer.InitializeAsync(app.Services);
                    using var scope = app.Services.CreateScope();
                    var executor = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();
                    if (verb == "validate")
                    {
                        executor.Validate(recipe);
                        await output.WriteLineAsync($"{recipe.FileName}: 問題は見つかりませんでした（{recipe.Steps.Count}ステップ）。");
                    }
                    else
                    {
                        await executor.ApplyAsync(recipe, tenant);
                        await output.WriteLineAsync($"{recipe.FileName}: 適用しました（{recipe.Steps.Count}ステップ{(tenant is null ? "" : $"、テナント {tenant}")}）。");
                    }
                    return 0;
                }
                catch (RecipeException ex)
                {
                    await Console.Error.WriteLineAsync(ex.Message);
                    return 1;
                }

            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static string Resolve(string file, string recipesFolder) =>
        File.Exists(file) ? Path.GetFullPath(file) : Path.Combine(recipesFolder, file);

    private static string? ReadOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
