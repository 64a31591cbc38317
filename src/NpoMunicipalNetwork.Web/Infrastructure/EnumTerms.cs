
namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>
/// The words of an enum: per value, the code that URLs, exports and the API carry, and the Japanese label pages show.
/// One table per enum, so a new value cannot get a label without a code (or the reverse) and the code read back from
/// a URL is always one the site writes. A value missing from the table falls back to its own name.
/// </summary>
public sealed class EnumTerms<T>(params (T Value, string Code, string Label)[] terms) where T : struct, Enum
{
    private readonly Dictionary<T, (string Code, string Label)> byValue = terms.ToDictionary(t => t.Value, t => (t.Code, t.Label));

    /// <summary>The values in the table's order.</summary>
    public IReadOnlyList<T> All { get; } = terms.Select(t => t.Value).ToList();

    public string Code(T value) => byValue.TryGetValue(value, out var t) ? t.Code : value.ToString().ToLowerInvariant();

    public string Label(T value) => byValue.TryGetValue(value, out var t) ? t.Label : value.ToString();

    /// <summary>The value whose code this is; null for null or an unknown code.</summary>
    public T? FromCode(string? code) => terms.Where(t => t.Code == code).Select(t => (T?)t.Value).FirstOrDefault();
}
