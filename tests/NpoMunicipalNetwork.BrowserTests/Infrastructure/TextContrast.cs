using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace NpoMunicipalNetwork.BrowserTests.Infrastructure;

/// <summary>
/// The WCAG 2.x contrast ratio of text against what is behind it, from the computed styles, for
/// elements that must stay readable whatever axe decides to leave "incomplete" (text on the diff's
/// coloured lines, the muted notes).
/// </summary>
public static class TextContrast
{
    /// <summary>WCAG 1.4.3 (AA) for normal-size text.</summary>
    public const double MinimumForText = 4.5;

    private const string Script = """
        elements => elements.map(el => {
          const parse = c => {
            const m = /^rgba?\(([^)]+)\)$/.exec(c);
            if (!m) throw new Error('Unexpected colour format: ' + c);
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const over = (top, under) => ({
            r: top.r * top.a + under.r * (1 - top.a),
            g: top.g * top.a + under.g * (1 - top.a),
            b: top.b * top.a + under.b * (1 - top.a),
            a: 1,
          });
          const luminance = ({ r, g, b }) => {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          // Backgrounds from the element up to the first opaque one, laid over a white canvas.
          const layers = [];
          for (let e = el; e; e = e.parentElement) {
            const bg = parse(getComputedStyle(e).backgroundColor);
            if (bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
          }
          let background = { r: 255, g: 255, b: 255, a: 1 };
          for (const layer of layers.reverse()) background = over(layer, background);
          const text = over(parse(getComputedStyle(el).color), background);
          const [hi, lo] = [luminance(text), luminance(background)].sort((x, y) => y - x);
          return {
            ratio: (hi + 0.05) / (lo + 0.05),
            text: getComputedStyle(el).color,
            background: `rgb(${Math.round(background.r)}, ${Math.round(background.g)}, ${Math.round(background.b)})`,
            html: el.outerHTML.slice(0, 120),
          };
        })
        """;

    /// <summary>Asserts that every element <paramref name="locator"/> matches (at least one) has text contrast of 4.5:1 or more.</summary>
    public static async Task AssertReadableAsync(ILocator locator, string what)
    {
        var samples = await locator.EvaluateAllAsync<JsonElement>(Script);
        Assert.True(samples.GetArrayLength() > 0, $"No element for {what}: nothing to measure.");
        foreach (var s in samples.EnumerateArray())
        {
            var ratio = s.GetProperty("ratio").GetDouble();
            Assert.True(ratio >= MinimumForText, string.Create(CultureInfo.InvariantCulture,
                $"{what}: contrast {ratio:0.00}:1 ({s.GetProperty("text")} on {s.GetProperty("background")}) is below {MinimumForText}:1 at {s.GetProperty("html")}"));
        }
    }
}
