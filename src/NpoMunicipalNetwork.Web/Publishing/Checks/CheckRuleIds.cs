namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>Stable ids of the checks, for tests, filters and the approval screen.</summary>
public static class CheckRuleIds
{
    public const string ImageAlt = "image-alt";
    public const string TableCaption = "table-caption";
    public const string TableHeaderScope = "table-header-scope";
    public const string HeadingH1 = "heading-h1";
    public const string HeadingLevelSkip = "heading-level-skip";
    public const string FullWidthAlphanumeric = "fullwidth-alphanumeric";
    public const string HalfWidthKana = "halfwidth-kana";
    public const string MachineDependentCharacter = "machine-dependent-character";
    public const string DateFormat = "date-format";
    public const string VagueLinkText = "vague-link-text";
    public const string SpacingInsideWord = "spacing-inside-word";
}
