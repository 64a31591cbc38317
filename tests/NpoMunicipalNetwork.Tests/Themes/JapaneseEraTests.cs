using NpoMunicipalNetwork.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Themes;

public sealed class JapaneseEraTests
{
    [Theory]
    [InlineData("2025-04-01", "令和7年4月1日")]
    [InlineData("2019-05-01", "令和元年5月1日")]
    [InlineData("2019-04-30", "平成31年4月30日")]
    [InlineData("1989-01-08", "平成元年1月8日")]
    [InlineData("1989-01-07", "昭和64年1月7日")]
    [InlineData("2005-11-01", "平成17年11月1日")]
    public void Dates_are_written_with_the_era_and_gannen(string date, string expected) =>
        Assert.Equal(expected, JapaneseEra.FormatDate(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2025-03-31", 2024)]
    [InlineData("2025-04-01", 2025)]
    [InlineData("2026-01-15", 2025)]
    public void The_fiscal_year_runs_from_April_to_March(string date, int fiscalYear) =>
        Assert.Equal(fiscalYear, JapaneseEra.FiscalYearOf(DateOnly.Parse(date)));

    [Theory]
    [InlineData(2025, "2025年度 (令和7年度)")]
    [InlineData(2019, "2019年度 (令和元年度)")]
    [InlineData(2004, "2004年度 (平成16年度)")]
    [InlineData(1988, "1988年度 (昭和63年度)")]
    public void Fiscal_years_carry_the_era_of_their_start(int fiscalYear, string expected) =>
        Assert.Equal(expected, JapaneseEra.FormatFiscalYear(fiscalYear));
}
