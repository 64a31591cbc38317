namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>The network works on Japan time whatever the server's zone: "today" is today in Tokyo.</summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>A <c>datetime-local</c> field, entered in Japan time, as UTC; records a Japanese message when malformed.</summary>
    public static DateTime? ParseLocal(Forms.FormState form, string field, string label)
    {
        var text = form.Text(field);
        if (string.IsNullOrEmpty(text))
            return null;
        if (DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var local))
            return DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);
        form.Error(field, $"{label}は「2025-04-01T09:00」の形式で入力してください。");
        return null;
    }

    /// <summary>The same instant as Japan's wall-clock time.</summary>
    public static DateTime ToJst(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset;

    /// <summary>Midnight in Japan of <paramref name="day"/>, as UTC (Japan keeps no summer time).</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => new DateTime(day.Year, day.Month, day.Day, 0, 0, 0, DateTimeKind.Utc) - Offset;

    public static string? ToLocalInput(DateTime? utc) => utc is { } u ? (u + Offset).ToString("yyyy-MM-ddTHH:mm") : null;

    /// <summary>令和7年4月1日 9時00分 (JST)</summary>
    public static string FormatDateTime(DateTime utc)
    {
        var jst = utc + Offset;
        return $"{JapaneseEra.FormatDate(DateOnly.FromDateTime(jst))} {jst:H時mm分}";
    }
}
