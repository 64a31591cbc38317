namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// Finds <c>themes/</c> and <c>recipes/</c>. They live at the repository root, outside the compiled
/// code, so a theme edit needs no rebuild: a run from a clone uses the repository's folders,
/// a published build uses the copies placed beside the binaries. Configuration may point elsewhere.
/// </summary>
public static class ContentFolders
{
    public static string Locate(string folderName, string contentRoot, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, contentRoot);

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folderName);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "NpoMunicipalNetwork.sln")))
                return candidate;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, folderName);
        if (Directory.Exists(beside))
            return beside;
        throw new DirectoryNotFoundException($"The '{folderName}' folder was not found above {contentRoot} or beside the application.");
    }
}
