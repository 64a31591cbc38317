using System.Xml.Linq;

namespace NpoMunicipalNetwork.Statistics;

/// <summary>One bar: its category label and its value.</summary>
public sealed record ChartBar(string Label, int Value);

public enum ChartOrientation
{
    /// <summary>Bars grow to the right; category labels on the left (long Japanese names).</summary>
    Horizontal,

    /// <summary>Bars grow upwards; category labels underneath (years).</summary>
    Vertical,
}

/// <summary>
/// Draws a single-series bar chart as SVG on the server, so it needs no script and reads the same
/// everywhere. Accessibility: role="img" named by its own &lt;title&gt; and described by &lt;desc&gt;
/// (aria-labelledby), every bar carries its category and value as visible text (direct labels, so colour
/// is never the only cue), the bars are dark blue with a darker outline on a white plate (contrast well
/// above 3:1 in every colour scheme of the site). Only presentation attributes are used — the CSP forbids
/// inline styles — and every label is escaped because the SVG is built as XML, not by string concatenation.
/// </summary>
public static class SvgBarChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public const string BarFill = "#1d4f91";   // 8.6:1 on white
    public const string BarStroke = "#0b2545";
    public const string TextFill = "#1a1a1a";  // 17:1 on white
    public const string AxisStroke = "#595959"; // 7:1 on white
    private const int FontSize = 14;

    /// <summary>The SVG markup; <paramref name="id"/> prefixes the ids of its title and description (unique per page).</summary>
    public static string Render(string id, string title, string description, IReadOnlyList<ChartBar> bars, string unit, ChartOrientation orientation) =>
        Build(id, title, description, bars, unit, orientation).ToString(SaveOptions.DisableFormatting);

    public static XElement Build(string id, string title, string description, IReadOnlyList<ChartBar> bars, string unit, ChartOrientation orientation)
    {
        var (width, height, shapes) = orientation == ChartOrientation.Horizontal ? Horizontal(bars, unit) : Vertical(bars, unit);
        return new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            // The natural size; the stylesheet lets it shrink (max-width: 100%) but never blows a small chart up.
            new XAttribute("width", N(width)),
            new XAttribute("height", N(height)),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("class", "chart__svg"),
            new XAttribute("font-family", "sans-serif"),
            new XAttribute("font-size", FontSize),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), description),
            // A white plate keeps the fixed colours readable on the dark and high-contrast schemes.
            new XElement(Svg + "rect", new XAttribute("width", N(width)), new XAttribute("height", N(height)), new XAttribute("fill", "#ffffff")),
            shapes);
    }

    /// <summary>A sentence that says what the chart shows, for its &lt;desc&gt;: the largest and the total.</summary>
    public static string Describe(string subject, IReadOnlyList<ChartBar> bars, string unit)
    {
        if (bars.Count == 0 || bars.All(b => b.Value == 0))
            return $"{subject}：データはまだありません。";
        var top = bars.MaxBy(b => b.Value)!;
        return $"{subject}の棒グラフ。{bars.Count}項目、合計{bars.Sum(b => b.Value):N0}{unit}。最も多いのは「{top.Label}」の{top.Value:N0}{unit}。数値は下の表にもあります。";
    }

    private static (double Width, double Height, List<XElement> Shapes) Horizontal(IReadOnlyList<ChartBar> bars, string unit)
    {
        const double row = 30, barHeight = 20, top = 10, plot = 360, valueRoom = 90;
        var labelWidth = Math.Clamp(bars.Select(b => TextWidth(b.Label)).DefaultIfEmpty(0).Max() + 12, 60, 280);
        var max = Math.Max(1, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        var width = labelWidth + plot + valueRoom;
        var height = top * 2 + Math.Max(1, bars.Count) * row;
        var shapes = new List<XElement>();
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + i * row;
            var length = plot * b.Value / max;
            var g = new XElement(Svg + "g");
            g.Add(Text(labelWidth - 8, y + barHeight / 2 + 5, b.Label, "end"));
            if (b.Value > 0)
                g.Add(Bar(labelWidth, y, Math.Max(length, 2), barHeight));
            g.Add(Text(labelWidth + length + 6, y + barHeight / 2 + 5, $"{b.Value:N0}{unit}", "start"));
            shapes.Add(g);
        }
        shapes.Add(Line(labelWidth, top - 4, labelWidth, height - top + 4));
        return (width, height, shapes);
    }

    private static (double Width, double Height, List<XElement> Shapes) Vertical(IReadOnlyList<ChartBar> bars, string unit)
    {
        const double plot = 220, top = 28, labelRoom = 30, left = 10;
        var slot = Math.Max(48, bars.Select(b => Math.Max(TextWidth(b.Label), TextWidth($"{b.Value:N0}{unit}"))).DefaultIfEmpty(0).Max() + 10);
        var barWidth = slot * 0.6;
        var max = Math.Max(1, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        var width = left * 2 + Math.Max(1, bars.Count) * slot;
        var baseline = top + plot;
        var height = baseline + labelRoom;
        var shapes = new List<XElement>();
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var x = left + i * slot;
            var length = plot * b.Value / max;
            var g = new XElement(Svg + "g");
            if (b.Value > 0)
                g.Add(Bar(x + (slot - barWidth) / 2, baseline - Math.Max(length, 2), barWidth, Math.Max(length, 2)));
            g.Add(Text(x + slot / 2, baseline - length - 6, $"{b.Value:N0}{unit}", "middle"));
            g.Add(Text(x + slot / 2, baseline + 20, b.Label, "middle"));
            shapes.Add(g);
        }
        shapes.Add(Line(left, baseline, width - left, baseline));
        return (width, height, shapes);
    }

    private static XElement Bar(double x, double y, double w, double h) => new(Svg + "rect",
        new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(w)), new XAttribute("height", N(h)),
        new XAttribute("fill", BarFill), new XAttribute("stroke", BarStroke), new XAttribute("stroke-width", "1"));

    private static XElement Text(double x, double y, string text, string anchor) => new(Svg + "text",
        new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor), new XAttribute("fill", TextFill), text);

    private static XElement Line(double x1, double y1, double x2, double y2) => new(Svg + "line",
        new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)),
        new XAttribute("stroke", AxisStroke), new XAttribute("stroke-width", "1"));

    /// <summary>A rough width: full-width (Japanese) characters are one em, others about half.</summary>
    private static double TextWidth(string text) => text.Sum(c => c < 0x2E80 ? FontSize * 0.6 : FontSize);

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
