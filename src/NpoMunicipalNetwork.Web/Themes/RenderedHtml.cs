using System.Text.Encodings.Web;
using Fluid.Values;

namespace NpoMunicipalNetwork.Themes;

/// <summary>
/// A page body the theme already rendered, handed to <c>layout.liquid</c> as <c>content</c>. It is HTML
/// and writes itself unescaped (as a raw string value does), chunk by chunk: a results page is tens of
/// kilobytes, and one string of it would land on the large object heap on every request, whose
/// collections then stall the requests behind them. <c>{{ content | raw }}</c> still works; it only
/// makes that one string again.
/// </summary>
public sealed class RenderedHtml(StringBuilder html) : FluidValue
{
    public override FluidValues Type => FluidValues.String;

    public override bool Equals(FluidValue other) => other is RenderedHtml r ? ReferenceEquals(r, this) : other.ToStringValue() == ToStringValue();

    public override bool ToBooleanValue() => html.Length > 0;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => html.ToString();

    public override object ToObjectValue() => ToStringValue();

    [Obsolete("Fluid calls WriteToAsync; this is its synchronous form.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        foreach (var chunk in html.GetChunks())
            writer.Write(chunk.Span);
    }

    public override async ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        foreach (var chunk in html.GetChunks())
            await writer.WriteAsync(chunk);
    }

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => ToStringValue().GetHashCode(); // consistent with Equals; Fluid never hashes a page body
}
