
namespace NpoMunicipalNetwork.Cases;

/// <summary>How case facts read in Japanese (fiscal years with the era, amounts in yen).</summary>
public static class CaseDisplay
{
    /// <summary>"2008年度（平成20年度）〜継続中" / "2004年度（平成16年度）〜2006年度（平成18年度）".</summary>
    public static string Years(int start, int? end) =>
        start == 0 ? "" : $"{FiscalYear(start)}〜{(end is { } e ? (e == start ? "" : FiscalYear(e)) : "継続中")}".TrimEnd('〜');

    public static string FiscalYear(int year) => $"{year}年度（{JapaneseEra.FormatYear(year)}度）";

    public static string Yen(long amount) => $"{amount:N0}円";
}
