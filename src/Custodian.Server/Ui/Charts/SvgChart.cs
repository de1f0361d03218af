using System.Globalization;
using System.Net;
using System.Text;

namespace Custodian.Server.Ui.Charts;

/// <summary>
/// Draws charts as inline SVG on the server: no script, a <c>title</c> and a <c>desc</c> named by <c>aria-labelledby</c>, and
/// series told apart by marker shape, dash pattern or hatching as well as colour (every colour at least 3:1 on white). Pages
/// put a table of the same figures next to each chart.
/// </summary>
public static class SvgChart
{
    private const double Width = 720;
    private const double Height = 320;
    private const double Left = 56;
    private const double Right = 150;
    private const double Top = 18;
    private const double Bottom = 46;

    /// <summary>Colours of series, each ≥ 3:1 against white.</summary>
    public static IReadOnlyList<string> Colours { get; } = ["#0b5cad", "#b34700", "#1f6f3f", "#6a1b9a", "#4a4f57", "#a4161a"];

    /// <summary>Dash patterns of series, in the same order.</summary>
    public static IReadOnlyList<string?> Dashes { get; } = [null, "8 4", "2 4", "10 4 2 4", "4 4", "12 3"];

    /// <summary>A line chart of values between 0 and <paramref name="yMax"/>, with markers and a label at each line's end.</summary>
    public static string Lines(string id, string title, string description, IReadOnlyList<string> xLabels, IReadOnlyList<ChartSeries> series, double yMax, Func<double, string> formatY)
    {
        ArgumentNullException.ThrowIfNull(xLabels);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(formatY);
        var svg = Open(id, title, description);
        Axes(svg, xLabels, yMax, formatY, bars: false);
        var ends = new List<(double Y, string Label, int Index)>();
        for (var s = 0; s < series.Count; s++)
        {
            var points = series[s].Values.Select((v, i) => v is { } value ? (X: X(i, xLabels.Count, false), Y: Y(value, yMax)) : ((double X, double Y)?)null).ToList();
            var path = new StringBuilder();
            var pen = false;
            foreach (var p in points)
            {
                if (p is null)
                {
                    pen = false;
                    continue;
                }

                path.Append(pen ? " L" : " M").Append(N(p.Value.X)).Append(' ').Append(N(p.Value.Y));
                pen = true;
            }

            var colour = Colours[s % Colours.Count];
            svg.Append("<g aria-hidden=\"true\"><path d=\"").Append(path.ToString().Trim()).Append("\" fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2.5\"");
            if (Dashes[s % Dashes.Count] is { } dash) svg.Append(" stroke-dasharray=\"").Append(dash).Append('"');
            svg.Append("/>");
            foreach (var p in points.Where(p => p is not null)) Marker(svg, s, p!.Value.X, p.Value.Y, colour);
            svg.Append("</g>");
            if (points.LastOrDefault(p => p is not null) is { } last) ends.Add((last.Y, series[s].Label, s));
        }

        // End labels, pushed apart so they never overlap.
        var placed = ends.OrderBy(e => e.Y).ToList();
        for (var i = 1; i < placed.Count; i++)
        {
            if (placed[i].Y - placed[i - 1].Y < 15) placed[i] = placed[i] with { Y = placed[i - 1].Y + 15 };
        }

        foreach (var (y, label, index) in placed)
            svg.Append("<text x=\"").Append(N(Width - Right + 8)).Append("\" y=\"").Append(N(y + 4)).Append("\" font-size=\"12\" fill=\"#1b1b1b\" aria-hidden=\"true\">")
                .Append(E(Shorten(label))).Append("</text>");
        return Close(svg);
    }

    /// <summary>A bar chart; with several series the bars stack, the second and later series hatched.</summary>
    public static string Bars(string id, string title, string description, IReadOnlyList<string> xLabels, IReadOnlyList<ChartSeries> series, Func<double, string> formatY)
    {
        ArgumentNullException.ThrowIfNull(xLabels);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(formatY);
        var totals = Enumerable.Range(0, xLabels.Count).Select(i => series.Sum(s => s.Values[i] ?? 0)).ToList();
        var yMax = 4 * NiceCeiling(totals.DefaultIfEmpty(0).Max() / 4);
        var svg = Open(id, title, description);
        svg.Append("<defs>");
        for (var s = 1; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Count];
            svg.Append("<pattern id=\"").Append(E(id)).Append("-hatch").Append(s).Append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                .Append("<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"3\" height=\"6\" fill=\"").Append(colour).Append("\"/></pattern>");
        }

        svg.Append("</defs>");
        Axes(svg, xLabels, yMax, formatY, bars: true);
        var slot = (Width - Left - Right) / Math.Max(1, xLabels.Count);
        var barWidth = Math.Max(4, slot * 0.64);
        svg.Append("<g aria-hidden=\"true\">");
        for (var i = 0; i < xLabels.Count; i++)
        {
            var bottom = Height - Bottom;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[i] ?? 0;
                if (value <= 0) continue;
                var height = (Height - Top - Bottom) * value / yMax;
                var colour = Colours[s % Colours.Count];
                var fill = s == 0 ? colour : $"url(#{E(id)}-hatch{s})";
                svg.Append("<rect x=\"").Append(N(X(i, xLabels.Count, true) - (barWidth / 2))).Append("\" y=\"").Append(N(bottom - height))
                    .Append("\" width=\"").Append(N(barWidth)).Append("\" height=\"").Append(N(height)).Append("\" fill=\"").Append(fill)
                    .Append("\" stroke=\"").Append(colour).Append("\" stroke-width=\"1\"/>");
                bottom -= height;
            }
        }

        svg.Append("</g>");
        return Close(svg);
    }

    /// <summary>A small legend swatch for series <paramref name="index"/>: a line with its marker, or a bar fill.</summary>
    public static string Swatch(int index, bool bar)
    {
        var colour = Colours[index % Colours.Count];
        var svg = new StringBuilder("<svg viewBox=\"0 0 36 16\" aria-hidden=\"true\" focusable=\"false\">");
        if (bar)
        {
            if (index == 0)
            {
                svg.Append("<rect x=\"4\" y=\"2\" width=\"28\" height=\"12\" fill=\"").Append(colour).Append("\"/>");
            }
            else
            {
                svg.Append("<defs><pattern id=\"sw").Append(index).Append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"3\" height=\"6\" fill=\"")
                    .Append(colour).Append("\"/></pattern></defs><rect x=\"4\" y=\"2\" width=\"28\" height=\"12\" fill=\"url(#sw").Append(index).Append(")\" stroke=\"").Append(colour).Append("\"/>");
            }
        }
        else
        {
            svg.Append("<path d=\"M2 8 H34\" stroke=\"").Append(colour).Append("\" stroke-width=\"2.5\"");
            if (Dashes[index % Dashes.Count] is { } dash) svg.Append(" stroke-dasharray=\"").Append(dash).Append('"');
            svg.Append("/>");
            Marker(svg, index, 18, 8, colour);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="value"/> (at least 1).</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 1) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * magnitude >= value) return step * magnitude;
        }

        return 10 * magnitude;
    }

    private static StringBuilder Open(string id, string title, string description)
    {
        var svg = new StringBuilder();
        svg.Append("<svg viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(Height)).Append("\" role=\"img\" aria-labelledby=\"")
            .Append(E(id)).Append("-title ").Append(E(id)).Append("-desc\" focusable=\"false\" font-family=\"system-ui, sans-serif\">");
        svg.Append("<title id=\"").Append(E(id)).Append("-title\">").Append(E(title)).Append("</title>");
        svg.Append("<desc id=\"").Append(E(id)).Append("-desc\">").Append(E(description)).Append("</desc>");
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Axes(StringBuilder svg, IReadOnlyList<string> xLabels, double yMax, Func<double, string> formatY, bool bars)
    {
        svg.Append("<g aria-hidden=\"true\" font-size=\"12\" fill=\"#3b4048\">");
        for (var i = 0; i <= 4; i++)
        {
            var value = yMax * i / 4;
            var y = Y(value, yMax);
            svg.Append("<line x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(y))
                .Append("\" stroke=\"").Append(i == 0 ? "#5b6470" : "#d5d9df").Append("\" stroke-width=\"1\"/>");
            svg.Append("<text x=\"").Append(N(Left - 8)).Append("\" y=\"").Append(N(y + 4)).Append("\" text-anchor=\"end\">").Append(E(formatY(value))).Append("</text>");
        }

        var every = xLabels.Count > 16 ? 3 : 1;
        for (var i = 0; i < xLabels.Count; i += every)
        {
            // A label may carry a second line (the year) after a line break.
            var lines = xLabels[i].Split('\n');
            var x = N(X(i, xLabels.Count, bars));
            svg.Append("<text x=\"").Append(x).Append("\" y=\"").Append(N(Height - Bottom + 18)).Append("\" text-anchor=\"middle\">").Append(E(lines[0]));
            foreach (var line in lines.Skip(1)) svg.Append("<tspan x=\"").Append(x).Append("\" dy=\"14\">").Append(E(line)).Append("</tspan>");
            svg.Append("</text>");
        }
        svg.Append("</g>");
    }

    private static void Marker(StringBuilder svg, int series, double x, double y, string colour)
    {
        var shape = series % 4;
        var (px, py) = (N(x), N(y));
        svg.Append(shape switch
        {
            0 => $"<circle cx=\"{px}\" cy=\"{py}\" r=\"4\" fill=\"{colour}\"/>",
            1 => $"<rect x=\"{N(x - 4)}\" y=\"{N(y - 4)}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>",
            2 => $"<path d=\"M{px} {N(y - 5)} L{N(x + 5)} {N(y + 4)} L{N(x - 5)} {N(y + 4)} Z\" fill=\"{colour}\"/>",
            _ => $"<path d=\"M{px} {N(y - 5)} L{N(x + 5)} {py} L{px} {N(y + 5)} L{N(x - 5)} {py} Z\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\"/>",
        });
    }

    private static double X(int index, int count, bool bars)
    {
        var plot = Width - Left - Right;
        return bars ? Left + (plot / Math.Max(1, count) * (index + 0.5)) : Left + (count <= 1 ? plot / 2 : plot * index / (count - 1));
    }

    private static double Y(double value, double yMax) => Height - Bottom - ((Height - Top - Bottom) * Math.Clamp(value / yMax, 0, 1));

    private static string Shorten(string label) => label.Length <= 22 ? label : label[..21] + "…";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
