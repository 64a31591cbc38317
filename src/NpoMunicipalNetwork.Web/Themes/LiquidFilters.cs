using System.Globalization;
using Fluid;
using Fluid.Values;
using NpoMunicipalNetwork.Infrastructure;

namespace NpoMunicipalNetwork.Themes;

/// <summary>
/// Filters the themes use for Japanese public-sector notation and tenant-aware links:
/// <c>wareki</c> (令和7年4月1日), <c>fiscal_year</c> (2025年度 (令和7年度)),
/// <c>year_with_era</c> (2025年 (令和7年)), <c>tenant_url</c> (a path inside the current site),
/// <c>hub_url</c> (a path on the network hub) and <c>number</c> (1,963).
/// </summary>
public static class LiquidFilters
{
    public const string BasePathKey = "BasePath";
    public const string HubBaseKey = "HubBase";

    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("wareki", Wareki);
        filters.AddFilter("fiscal_year", FiscalYear);
        filters.AddFilter("year_with_era", YearWithEra);
        filters.AddFilter("tenant_url", TenantUrl);
        filters.AddFilter("hub_url", HubUrl);
        filters.AddFilter("number", Number);
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

    public static string Combine(string? basePath, string path)
    {
        basePath = (basePath ?? "").TrimEnd('/');
        if (string.IsNullOrEmpty(path) || path == "/")
            return basePath.Length == 0 ? "/" : basePath + "/";
        return basePath + (path.StartsWith('/') ? path : "/" + path);
    }

    private static DateOnly? ToDate(FluidValue input) => input.ToObjectValue() switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.ToOffset(JapanTime.Offset).DateTime),
        string s when DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
