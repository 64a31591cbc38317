namespace NpoMunicipalNetwork.Data;

/// <summary>Bound from the <c>Database</c> configuration section (and <c>Database__*</c> environment variables).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Recipe applied on the first start against an empty database; a file name under <c>recipes/</c> or a path.</summary>
    public string SetupRecipe { get; set; } = "setup.recipe.json";

    /// <summary>Skips the setup recipe on first start (tests apply their own).</summary>
    public bool SkipSetupRecipe { get; set; }

    /// <summary>Sample content applied right after the setup recipe on the first start (the sample policy cases); empty for none.</summary>
    public string SampleRecipe { get; set; } = "sample-cases.recipe.json";
}
