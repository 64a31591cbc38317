
namespace NpoMunicipalNetwork.Api.Writes;

/// <summary>ISO 8601 dates of the API: with an offset or Z as given, without one in Japan time (as the admin forms are).</summary>
public static class ApiDates
{
    public static DateTime? Parse(string? value, string field, string label, FormState errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!DateTime.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) || !value.Contains('T'))
        {
            errors.Error(field, $"{label}（{field}）は 2026-04-01T09:00:00+09:00 の形（ISO 8601）で送ってください。");
            return null;
        }
        return parsed.Kind switch
        {
            DateTimeKind.Utc => parsed,
            DateTimeKind.Local => parsed.ToUniversalTime(),
            _ => DateTime.SpecifyKind(parsed - JapanTime.Offset, DateTimeKind.Utc),
        };
    }
}
