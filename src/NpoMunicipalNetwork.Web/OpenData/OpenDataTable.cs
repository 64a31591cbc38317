using System.Collections;

namespace NpoMunicipalNetwork.OpenData;

/// <summary>One column of a bundle file: <see cref="Label"/> heads the CSV, <see cref="Key"/> names the JSON property.</summary>
public sealed record OpenDataColumn(string Key, string Label, string Meaning, string Type);

/// <summary>A column and how to read its value from a source row.</summary>
public sealed record OpenDataField<T>(OpenDataColumn Column, Func<T, object?> Value)
{
    public OpenDataField(string key, string label, string meaning, string type, Func<T, object?> value) : this(new OpenDataColumn(key, label, meaning, type), value)
    {
    }
}

/// <summary>
/// One dataset of the bundle, written twice: <c>{Name}.csv</c> (Japanese headers, text cells, for Excel)
/// and <c>{Name}.json</c> (English keys, numbers as numbers, lists as arrays, for programs). The codebook
/// documents both from <see cref="Columns"/>, so the three never disagree.
/// </summary>
public sealed record OpenDataTable(string Name, string Title, string Description, IReadOnlyList<OpenDataColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> CsvRows, IReadOnlyList<IReadOnlyDictionary<string, object?>> JsonItems)
{
    public int Count => JsonItems.Count;

    /// <summary>A table whose CSV cell and JSON value both come from one value per field.</summary>
    public static OpenDataTable Of<T>(string name, string title, string description, IReadOnlyList<OpenDataField<T>> fields, IEnumerable<T> rows)
    {
        var list = rows.ToList();
        return new OpenDataTable(name, title, description, fields.Select(f => f.Column).ToList(),
            list.Select(r => (IReadOnlyList<string>)fields.Select(f => Cell(f.Value(r))).ToList()).ToList(),
            list.Select(r => (IReadOnlyDictionary<string, object?>)fields.ToDictionary(f => f.Column.Key, f => Json(f.Value(r)))).ToList());
    }

    /// <summary>
    /// How a value reads in a CSV cell: dates ISO 8601 (instants in Japan time with their offset),
    /// booleans true/false, a list of numbers separated by ";", a list of texts one per line.
    /// </summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        DateTime utc => Instant(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        IFormattable f and not IEnumerable => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<int> ids => string.Join(";", ids),
        IEnumerable<string> lines => string.Join("\n", lines),
        _ => value.ToString() ?? "",
    };

    /// <summary>JSON keeps types; instants are written in Japan time so both files show the same clock.</summary>
    private static object? Json(object? value) => value switch
    {
        DateTime utc => Instant(utc),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        _ => value,
    };

    private static DateTimeOffset Instant(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(JapanTime.Offset);
}
