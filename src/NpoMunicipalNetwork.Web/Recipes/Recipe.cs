using System.Text.Json.Nodes;

namespace NpoMunicipalNetwork.Recipes;

/// <summary>A recipe file in Orchard Core's shape: a header and an ordered list of steps.</summary>
public sealed record Recipe(
    string File,
    string Name,
    string? DisplayName,
    string? Description,
    string? Author,
    string? Version,
    bool IsSetupRecipe,
    IReadOnlyList<JsonObject> Steps)
{
    public string FileName => Path.GetFileName(File);
}
