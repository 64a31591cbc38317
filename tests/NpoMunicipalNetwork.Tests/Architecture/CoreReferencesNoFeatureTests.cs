using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Tests.Architecture;

/// <summary>
/// The core (data, tenancy, themes, the recipe and workflow engines, the admin shell, infrastructure and the
/// plumbing every feature uses) references no feature: features plug in through DI (menu items, recipe steps,
/// search sources, interceptors, dashboard and navigation sources, …), and each owns its wiring in its
/// <c>XFeature.cs</c>. Read from the source tree, so a new feature folder is covered without touching this test.
/// </summary>
public sealed class CoreReferencesNoFeatureTests
{
    /// <summary>Top-level folders of the web project that are core; every other folder with C# in it is a feature.</summary>
    private static readonly string[] CoreFolders =
        ["Data", "Tenants", "Themes", "Recipes", "Publishing", "Admin", "Infrastructure", "Accounts", "Audit", "Departments", "Files", "Forms", "Mail"];

    /// <summary>Not scanned: generated migrations name whatever the model holds.</summary>
    private static readonly string[] Excluded = ["Data/Migrations/"];

    /// <summary>
    /// Core files that still name a feature, and which, while the content types are being rewritten. Each entry
    /// must still offend (an entry that no longer does fails the test, so the list only shrinks).
    /// </summary>
    /// <summary>Core files allowed to name a feature, with the features they name; the list can only shrink (an entry that no longer offends fails).</summary>
    private static readonly Dictionary<string, string[]> AllowList = new();

    [Fact]
    public void No_core_file_names_a_feature_namespace()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "NpoMunicipalNetwork.Web");
        var features = FeatureFolders(web);
        Assert.Contains("Boards", features); // the listing found the features at all
        Assert.DoesNotContain("Data", features);

        var names = string.Join("|", features.Select(Regex.Escape));
        // using NpoMunicipalNetwork.Boards; global::NpoMunicipalNetwork.Boards.Topic; NpoMunicipalNetwork.Boards.Topic
        var fullName = new Regex($@"\bNpoMunicipalNetwork\.({names})\b");
        // Boards.Topic, Search.ISearchable (a namespace relative to NpoMunicipalNetwork), not x.Boards.Count
        var relativeName = new Regex($@"(?<![\w.@])({names})\.[A-Z]");

        var offences = new List<string>();
        var offendingFiles = new Dictionary<string, HashSet<string>>();
        foreach (var file in CoreFiles(web))
        {
            var relative = Path.GetRelativePath(web, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var feature in Referenced(lines[i], fullName, relativeName))
                {
                    if (AllowList.TryGetValue(relative, out var allowed) && allowed.Contains(feature))
                    {
                        offendingFiles.TryAdd(relative, []);
                        offendingFiles[relative].Add(feature);
                        continue;
                    }
                    offences.Add($"{relative}:{i + 1}: names the feature {feature}: {lines[i].Trim()}");
                }
            }
        }

        foreach (var (file, allowed) in AllowList)
            foreach (var feature in allowed)
                if (!offendingFiles.TryGetValue(file, out var found) || !found.Contains(feature))
                    offences.Add($"{file}: no longer names {feature}; take it off CoreReferencesNoFeatureTests.AllowList");

        Assert.True(offences.Count == 0,
            "The core must not reference a feature (register a DI contribution in the feature instead):\n" + string.Join("\n", offences));
    }

    /// <summary>The features a line names: in code (strings and comments left out) and in documentation crefs.</summary>
    private static IEnumerable<string> Referenced(string line, Regex fullName, Regex relativeName)
    {
        var trimmed = line.TrimStart();
        string code;
        if (trimmed.StartsWith("///", StringComparison.Ordinal))
            code = string.Join(" ", Regex.Matches(trimmed, "cref=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        else
        {
            code = Regex.Replace(line, "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""); // string literals
            var comment = code.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0)
                code = code[..comment];
        }
        return fullName.Matches(code).Concat(relativeName.Matches(code)).Select(m => m.Groups[1].Value).Distinct();
    }

    private static IEnumerable<string> CoreFiles(string web) =>
        CoreFolders.Select(folder => Path.Combine(web, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !Excluded.Any(prefix => Path.GetRelativePath(web, file).Replace('\\', '/').StartsWith(prefix, StringComparison.Ordinal)))
            .Where(file => !IsBuildOutput(web, file))
            .Order(StringComparer.Ordinal);

    /// <summary>Every top-level folder with C# in it that is not core: the feature namespaces.</summary>
    private static List<string> FeatureFolders(string web) =>
        Directory.EnumerateDirectories(web)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "Properties") && !CoreFolders.Contains(name))
            .Where(name => Directory.EnumerateFiles(Path.Combine(web, name), "*.cs", SearchOption.AllDirectories).Any())
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsBuildOutput(string web, string file)
    {
        var first = Path.GetRelativePath(web, file).Replace('\\', '/').Split('/')[0];
        return first is "bin" or "obj";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NpoMunicipalNetwork.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"NpoMunicipalNetwork.sln not found above {AppContext.BaseDirectory}.");
    }
}
