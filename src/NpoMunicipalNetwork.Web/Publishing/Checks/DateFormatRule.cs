using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// Dates written 2025/4/1, 2025/04/01 or 2025-04-01 in prose: written 2025年4月1日. Only real calendar
/// dates from 1900 to 2099 count, and not when the digits are part of a path, file name or longer
/// number (a slash, dot, hyphen or letter next to them), so URLs that are prose are left alone too.
/// </summary>
internal sealed partial class DateFormatRule : TextRule
{
    protected override IEnumerable<TextHit> Find(string prose)
    {
        foreach (Match m in Date().Matches(prose))
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
                continue;
            var fixedText = $"{year}年{month}月{day}日";
            yield return new TextHit(m.Index, m.Length, fixedText, new CheckFinding(
                CheckRuleIds.DateFormat, CheckSeverity.Warning,
                $"日付「{m.Value}」は「{fixedText}」の形で書いてください。",
                m.Value, AutoFixable: true));
        }
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z/.\-:_%#?=&])(?<y>(?:19|20)[0-9]{2})(?<sep>[/-])(?<m>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})(?![0-9A-Za-z/_%]|[.\-:][0-9A-Za-z])")]
    private static partial Regex Date();
}
