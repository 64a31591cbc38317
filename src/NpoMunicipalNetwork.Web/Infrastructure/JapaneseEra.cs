namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// Japanese era (和暦) formatting, independent of ICU data so it renders the same everywhere.
/// The first year of an era is written 元年, as public documents do.
/// </summary>
public static class JapaneseEra
{
    private sealed record Era(string Name, DateOnly Start);

    // Start dates as the Japanese government counts them.
    private static readonly Era[] Eras =
    [
        new("令和", new DateOnly(2019, 5, 1)),
        new("平成", new DateOnly(1989, 1, 8)),
        new("昭和", new DateOnly(1926, 12, 25)),
        new("大正", new DateOnly(1912, 7, 30)),
        new("明治", new DateOnly(1868, 10, 23)),
    ];

    /// <summary>令和7年4月1日</summary>
    public static string FormatDate(DateOnly date)
    {
        var era = Eras.FirstOrDefault(e => e.Start <= date);
        if (era is null)
            return $"{date.Year}年{date.Month}月{date.Day}日";
        return $"{era.Name}{YearNumber(date.Year - era.Start.Year + 1)}年{date.Month}月{date.Day}日";
    }

    /// <summary>
    /// The era name of a Gregorian year as a year label (令和元年 for 2019): the era that began
    /// in or before that year, which is how 年度 and yearly tables are labelled (令和元年度 = FY2019).
    /// </summary>
    public static string FormatYear(int year)
    {
        var era = Eras.FirstOrDefault(e => e.Start.Year <= year);
        return era is null ? $"{year}年" : $"{era.Name}{YearNumber(year - era.Start.Year + 1)}年";
    }

    /// <summary>The fiscal year (年度, April to March) a date falls in, by its starting Gregorian year.</summary>
    public static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary>2025年度 (令和7年度)</summary>
    public static string FormatFiscalYear(int fiscalYear) => $"{fiscalYear}年度 ({FormatYear(fiscalYear)}度)";

    /// <summary>2025年 (令和7年)</summary>
    public static string FormatYearWithEra(int year) => $"{year}年 ({FormatYear(year)})";

    private static string YearNumber(int n) => n == 1 ? "元" : n.ToString();
}
