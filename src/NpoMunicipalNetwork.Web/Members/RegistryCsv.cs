using CsvHelper;
using CsvHelper.Configuration;

namespace NpoMunicipalNetwork.Members;

/// <summary>
/// Reads the registry shipped in <c>Members/Data/</c> (code4fukui/localgovjp, CC0; see its README there).
///
/// Kinds are derived from the data, since the CSVs carry no kind column:
/// <list type="bullet">
/// <item>every row of <c>prefectures.csv</c> is a prefecture (its code lost the leading zero for 01–09; it is re-padded);</item>
/// <item>a municipality named "市名 区名" (with a space) is a ward of a designated city, and the city it names is a designated city;</item>
/// <item>otherwise the last character decides: 区 is a Tokyo special ward, 市 a city, 町 a town, 村 a village.</item>
/// </list>
/// Codes whose check digit is wrong are rejected with the row number, never imported.
/// </summary>
public static class RegistryCsv
{
    public const string PrefecturesFile = "prefectures.csv";
    public const string MunicipalitiesFile = "municipalities.csv";

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Members", "Data");

    public static IReadOnlyList<Government> Load(string folder)
    {
        var prefectures = ReadPrefectures(Path.Combine(folder, PrefecturesFile));
        var municipalities = ReadMunicipalities(Path.Combine(folder, MunicipalitiesFile), prefectures);
        return [.. prefectures.Values, .. municipalities];
    }

    private static CsvConfiguration Config => new(CultureInfo.InvariantCulture) { DetectDelimiter = false, TrimOptions = TrimOptions.Trim };

    private static Dictionary<string, Government> ReadPrefectures(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, Config);
        var result = new Dictionary<string, Government>();
        foreach (var row in csv.GetRecords<PrefectureRow>())
        {
            var code = row.lgcode.PadLeft(6, '0');
            Check(code, path, csv.Parser.RawRow);
            var prefCode = row.pid.ToString("D2");
            result[prefCode] = new Government
            {
                Code = code,
                Kind = GovernmentKind.Prefecture,
                PrefectureCode = prefCode,
                PrefectureName = row.pref,
                Name = row.pref,
                Kana = row.prefkana,
                WebsiteUrl = NullIfEmpty(row.url),
            };
        }
        return result;
    }

    private static List<Government> ReadMunicipalities(string path, Dictionary<string, Government> prefectures)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, Config);
        var rows = new List<(MunicipalityRow Row, string Code)>();
        foreach (var row in csv.GetRecords<MunicipalityRow>())
        {
            var code = row.lgcode.PadLeft(6, '0');
            Check(code, path, csv.Parser.RawRow);
            rows.Add((row, code));
        }

        var designatedCityNames = rows
            .Where(r => r.Row.city.Contains(' '))
            .Select(r => (r.Row.pid, City: r.Row.city.Split(' ')[0]))
            .ToHashSet();
        var cityCodes = rows
            .Where(r => designatedCityNames.Contains((r.Row.pid, r.Row.city)))
            .ToDictionary(r => (r.Row.pid, r.Row.city), r => r.Code);

        return rows.Select(r =>
        {
            var prefCode = r.Row.pid.ToString("D2");
            var name = r.Row.city;
            var isWard = name.Contains(' ');
            var kind = isWard ? GovernmentKind.Ward
                : designatedCityNames.Contains((r.Row.pid, name)) ? GovernmentKind.DesignatedCity
                : name[^1] switch
                {
                    '区' => GovernmentKind.SpecialWard,
                    '市' => GovernmentKind.City,
                    '町' => GovernmentKind.Town,
                    '村' => GovernmentKind.Village,
                    _ => throw new InvalidDataException($"{path}: 団体「{name}」の種別を判定できません（行 {r.Code}）。"),
                };
            return new Government
            {
                Code = r.Code,
                Kind = kind,
                PrefectureCode = prefCode,
                PrefectureName = prefectures.TryGetValue(prefCode, out var p) ? p.Name : r.Row.pref,
                Name = name.Replace(" ", ""),
                Kana = r.Row.citykana.Replace(" ", ""),
                WebsiteUrl = NullIfEmpty(r.Row.url),
                ParentCode = isWard ? cityCodes.GetValueOrDefault((r.Row.pid, name.Split(' ')[0])) : null,
            };
        }).ToList();
    }

    private static void Check(string code, string path, int row)
    {
        if (LocalGovernmentCode.Validate(code) is { } error)
            throw new InvalidDataException($"{Path.GetFileName(path)} {row}行目: {error}");
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

#pragma warning disable IDE1006 // CSV header names
    private sealed record PrefectureRow(int pid, string pref, string prefkana, string url, string lgcode);

    private sealed record MunicipalityRow(int pid, string pref, string city, string citykana, string url, string lgcode);
#pragma warning restore IDE1006
}
