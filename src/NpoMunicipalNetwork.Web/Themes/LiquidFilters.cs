using Fluid;
using Fluid.Values;

namespace NpoMunicipalNetwork.Themes;

/// <summary>
/// Filters the themes use for Japanese public-sector notation and tenant-aware links:
/// <c>wareki</c> (令和7年4月1日), <c>fiscal_year</c> (2025年度 (令和7年度)),
/// <c>year_with_era</c> (2025年 (令和7年)), <c>tenant_url</c> (a path inside the current site),
/// <c>hub_url</c> (a path on the network hub), <c>number</c> (1,963), and for <c>&lt;time datetime&gt;</c>
/// <c>iso_date</c> (the date <c>wareki</c> shows, as 2025-04-01) and <c>iso_datetime</c> (a UTC instant,
/// 2025-04-01T00:30:00Z). Fluid's own <c>date</c> filter converts through time zones on every call,
/// which is most of the render time of a page with hundreds of dates.
/// </summary>
public static class LiquidFilters
{
    public const string BasePathKey = "BasePath";
    public const string HubBaseKey = "HubBase";

    /// <summary>The filters below, and how model values become Liquid values.</summary>
    public static void Register(TemplateOptions options)
    {
        Register(options.Filters);
        // Models carry UTC times (…Utc), and SQLite hands them back with an unspecified kind, which Fluid
        // would read as the server's local time: on a server set to Japan time every date would shift by
        // nine hours and a day could change (3月31日 for 4月1日, and with it the fiscal year).
        options.ValueConverters.Add(value => value is DateTime dt ? new DateTimeValue(AsUtc(dt)) : null);
    }

    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("wareki", Wareki);
        filters.AddFilter("fiscal_year", FiscalYear);
        filters.AddFilter("year_with_era", YearWithEra);
        filters.AddFilter("tenant_url", TenantUrl);
        filters.AddFilter("hub_url", HubUrl);
        filters.AddFilter("number", Number);
        filters.AddFilter("iso_date", IsoDate);
        filters.AddFilter("iso_datetime", IsoDateTime);
    }

    public static ValueTask<FluidValue> Wareki(FluidValue input, FilterArguments args, TemplateContext context) =>
        ToDate(input) is { } date ? new StringValue(JapaneseEra.FormatDate(date)) : NilValue.Instance;

    /// <summary>Accepts a date (the fiscal year it falls in) or a fiscal year number.</summary>
    public static ValueTask<FluidValue> FiscalYear(FluidValue input, FilterArguments args, TemplateContext context)
    {
        int? year = input.Type == FluidValues.Number ? (int)input.ToNumberValue() : ToDate(input) is { } d ? JapaneseEra.FiscalYearOf(d) : null;
        return year is { } y ? new StringValue(JapaneseEra.FormatFiscalYear(y)) : NilValue.Instance;
    }

    public static ValueTask<FluidValue> YearWithEra(FluidValue input, FilterArguments args, TemplateContext context)
    {
        int? year = input.Type == FluidValues.Number ? (int)input.ToNumberValue() : ToDate(input)?.Year;
        return year is { } y ? new StringValue(JapaneseEra.FormatYearWithEra(y)) : NilValue.Instance;
    }

    public static ValueTask<FluidValue> TenantUrl(FluidValue input, FilterArguments args, TemplateContext context) =>
        new StringValue(Combine(context.AmbientValues.TryGetValue(BasePathKey, out var b) ? b as string : "", input.ToStringValue()));

    public static ValueTask<FluidValue> HubUrl(FluidValue input, FilterArguments args, TemplateContext context) =>
        new StringValue(Combine(context.AmbientValues.TryGetValue(HubBaseKey, out var b) ? b as string : "", input.ToStringValue()));

    public static ValueTask<FluidValue> Number(FluidValue input, FilterArguments args, TemplateContext context) =>
        new StringValue(input.ToNumberValue().ToString("#,0", CultureInfo.InvariantCulture));

    public static ValueTask<FluidValue> IsoDate(FluidValue input, FilterArguments args, TemplateContext context) =>
        ToDate(input) is { } date ? new StringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : NilValue.Instance;

    /// <summary>A <see cref="DateTime"/> is taken as UTC (the models' <c>…Utc</c> values).</summary>
    public static ValueTask<FluidValue> IsoDateTime(FluidValue input, FilterArguments args, TemplateContext context) => input.ToObjectValue() switch
    {
        DateTime dt => new StringValue(AsUtc(dt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        DateTimeOffset dto => new StringValue(dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        _ => NilValue.Instance,
    };

    public static string Combine(string? basePath, string path)
    {
        basePath = (basePath ?? "").TrimEnd('/');
        if (string.IsNullOrEmpty(path) || path == "/")
            return basePath.Length == 0 ? "/" : basePath + "/";
        return basePath + (path.StartsWith('/') ? path : "/" + path);
    }

    /// <summary>A model's <see cref="DateTime"/> as the UTC instant it is (see the theme's value converter).</summary>
    public static DateTimeOffset AsUtc(DateTime dt) =>
        new(dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc), TimeSpan.Zero);

    private static DateOnly? ToDate(FluidValue input) => input.ToObjectValue() switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(AsUtc(dt).ToOffset(JapanTime.Offset).DateTime),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.ToOffset(JapanTime.Offset).DateTime),
        string s when DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
