namespace NpoMunicipalNetwork.OpenData;

/// <summary>Settings of the open-data bundle (section <c>OpenData</c>).</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    public const string DefaultLicence = "CC BY 4.0";

    public const string DefaultLicenceUrl = "https://creativecommons.org/licenses/by/4.0/deed.ja";

    /// <summary>The licence the bundle is published under, as its README and the public page name it.</summary>
    public string Licence { get; set; } = DefaultLicence;

    /// <summary>Where the licence text is; defaults to the CC BY 4.0 deed only while the licence is CC BY 4.0.</summary>
    public string? LicenceUrl { get; set; }

    /// <summary>Japan time (HH:mm) of the daily build; empty turns the daily build off (tests do).</summary>
    public string? DailyAt { get; set; } = "04:00";

    /// <summary>How many bundles stay in the database, the newest included.</summary>
    public int Keep { get; set; } = 3;

    public string? EffectiveLicenceUrl =>
        !string.IsNullOrWhiteSpace(LicenceUrl) ? LicenceUrl.Trim() : Licence.Trim() == DefaultLicence ? DefaultLicenceUrl : null;
}
