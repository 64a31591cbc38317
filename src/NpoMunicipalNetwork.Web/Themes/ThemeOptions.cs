namespace NpoMunicipalNetwork.Themes;

/// <summary>Bound from the <c>Themes</c> configuration section.</summary>
public sealed class ThemeOptions
{
    public const string Section = "Themes";

    /// <summary>Folder holding one sub-folder per theme; found automatically when empty.</summary>
    public string? Path { get; set; }

    public string PublicTheme { get; set; } = "Public";

    public string AdminTheme { get; set; } = "Admin";

    /// <summary>Re-read templates when their files change. Defaults to on in Development.</summary>
    public bool? WatchForChanges { get; set; }

    /// <summary>The network's name, shown in every page title and header.</summary>
    public string NetworkName { get; set; } = "NPO活動推進自治体ネットワーク";
}
