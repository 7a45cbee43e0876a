using System.Globalization;

namespace Rekindle.Web.Components.Shared;

/// <summary>One value on a chart: its place on the x axis (a label such as a week) and its value, or null for a gap.</summary>
public sealed record ChartPoint(string X, double? Y);

/// <summary>A named line (or set of bars). Every series of one chart uses the same x labels, in the same order.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<ChartPoint> Points);

public enum ChartKind
{
    Line,
    Bars,
}

/// <summary>A point placed in the drawing: its coordinates and what it stands for.</summary>
public sealed record PlacedPoint(double X, double Y, string XLabel, double Value);

/// <summary>A bar placed in the drawing (x and y of its top left corner).</summary>
public sealed record PlacedBar(double X, double Y, double Width, double Height, string XLabel, double Value);

/// <summary>
/// One series in the drawing. Runs are the stretches without gaps: a run of two or more points is a
/// line, a run of one is a lone dot.
/// </summary>
public sealed record PlacedSeries(string Label, IReadOnlyList<IReadOnlyList<PlacedPoint>> Runs, IReadOnlyList<PlacedBar> Bars);

/// <summary>
/// A printed axis label: where it is anchored and how (the SVG text-anchor: "start", "middle" or "end"),
/// chosen so the label stays inside the viewBox.
/// </summary>
public sealed record AxisLabel(double At, string Text, string Anchor = "middle")
{
    /// <summary>Where the label's text starts and ends, by the estimate in <see cref="ChartGeometry.LabelWidth"/>.</summary>
    public (double Start, double End) Extent
    {
        get
        {
            var width = ChartGeometry.LabelWidth(Text);
            return Anchor switch
            {
                "start" => (At, At + width),
                "end" => (At - width, At),
                _ => (At - width / 2, At + width / 2),
            };
        }
    }
}

/// <summary>Everything a chart needs to draw, in the coordinates of its viewBox.</summary>
public sealed record ChartLayout(
    bool IsEmpty,
    IReadOnlyList<string> XLabels,
    IReadOnlyList<PlacedSeries> Series,
    IReadOnlyList<AxisLabel> XTicks,
    IReadOnlyList<AxisLabel> YTicks,
    double Baseline
);

/// <summary>
/// The arithmetic of a chart, kept apart from its markup so it can be tested: where each value goes
/// in the viewBox, and which x labels to print so they never crowd each other at phone width.
/// </summary>
public static class ChartGeometry
{
    public const double Width = 320;
    public const double Height = 180;
    public const double Left = 34;
    public const double Right = 10;
    public const double Top = 10;
    public const double Bottom = 30;

    /// <summary>The font size of the axis labels, in viewBox units.</summary>
    public const double FontSize = 10;

    /// <summary>About 50 units of a 320-wide viewBox per label leaves room for "12 Oct" at phone size.</summary>
    public const int MaxXLabels = 6;

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    /// <summary>
    /// Lays out <paramref name="series"/>. With no range given, it comes from the values; a range
    /// with no height (a flat series) is widened by one either side so the line sits in the middle.
    /// </summary>
    public static ChartLayout Lay(
        IReadOnlyList<ChartSeries> series,
        ChartKind kind = ChartKind.Line,
        double? yMin = null,
        double? yMax = null,
        int maxXLabels = MaxXLabels
    )
    {
        var xLabels = series.Count == 0 ? [] : series.OrderByDescending(s => s.Points.Count).First().Points.Select(p => p.X).ToList();
        var values = series.SelectMany(s => s.Points).Where(p => p.Y is not null).Select(p => p.Y!.Value).ToList();
        if (values.Count == 0)
        {
            return new ChartLayout(true, xLabels, [], [], [], Top + PlotHeight);
        }

        var (low, high) = Range(values, yMin, yMax);
        var n = xLabels.Count;
        var placed = new List<PlacedSeries>();
        for (var s = 0; s < series.Count; s++)
        {
            var runs = new List<IReadOnlyList<PlacedPoint>>();
            var bars = new List<PlacedBar>();
            var run = new List<PlacedPoint>();
            var points = series[s].Points;
            for (var i = 0; i < points.Count; i++)
            {
                if (points[i].Y is not { } value)
                {
                    if (run.Count > 0)
                    {
                        runs.Add(run);
                        run = [];
                    }

                    continue;
                }

                var y = YOf(value, low, high);
                run.Add(new PlacedPoint(XOf(i, n, kind), y, points[i].X, value));
                if (kind == ChartKind.Bars)
                {
                    var slot = PlotWidth / n;
                    var barWidth = slot * 0.7 / series.Count;
                    var x = Left + i * slot + slot * 0.15 + s * barWidth;
                    var baseline = YOf(Math.Max(low, Math.Min(high, 0)), low, high);
                    bars.Add(
                        new PlacedBar(Round(x), Math.Min(y, baseline), Round(barWidth), Round(Math.Abs(baseline - y)), points[i].X, value)
                    );
                }
            }

            if (run.Count > 0)
            {
                runs.Add(run);
            }

            placed.Add(new PlacedSeries(series[s].Label, runs, bars));
        }

        var xTicks = ShownLabels(n, maxXLabels).Select(i => XLabel(XOf(i, n, kind), xLabels[i])).ToList();
        var yTicks = new[] { low, (low + high) / 2, high }
            .Distinct()
            .Select(v => new AxisLabel(YOf(v, low, high), v.ToString("0.#", CultureInfo.CurrentCulture)))
            .ToList();
        return new ChartLayout(false, xLabels, placed, xTicks, yTicks, Top + PlotHeight);
    }

    /// <summary>
    /// Which of <paramref name="count"/> x labels to print: all when they fit, else every k-th one
    /// counted back from the latest, which is always shown (it is the one people look for).
    /// </summary>
    public static IReadOnlyList<int> ShownLabels(int count, int max = MaxXLabels)
    {
        if (count <= 0)
        {
            return [];
        }

        max = Math.Max(1, max);
        var step = (int)Math.Ceiling(count / (double)max);
        return Enumerable.Range(0, count).Where(i => (count - 1 - i) % step == 0).ToList();
    }

    /// <summary>
    /// A generous estimate of a label's width: 0.6 of the font size per character is wider than the
    /// average letter of the sans-serif faces we use, so a label judged to fit does fit.
    /// </summary>
    public static double LabelWidth(string text) => Round(text.Length * FontSize * 0.6);

    /// <summary>
    /// An x label centred on its point, unless centring would push it past an edge of the viewBox: then it
    /// ends at its point (near the right edge) or starts there (near the left), so the last label is never clipped.
    /// </summary>
    public static AxisLabel XLabel(double at, string text)
    {
        var half = LabelWidth(text) / 2;
        if (at + half > Width)
        {
            return new AxisLabel(at, text, "end");
        }

        return at - half < 0 ? new AxisLabel(at, text, "start") : new AxisLabel(at, text);
    }

    /// <summary>The x of the i-th of n points: evenly spread for a line (one point sits in the middle), the middle of its slot for
    /// bars.</summary>
    public static double XOf(int index, int count, ChartKind kind = ChartKind.Line)
    {
        if (kind == ChartKind.Bars)
        {
            return Round(Left + (index + 0.5) * PlotWidth / count);
        }

        return count <= 1 ? Round(Left + PlotWidth / 2) : Round(Left + index * PlotWidth / (count - 1));
    }

    /// <summary>The y of a value in [low, high] (higher values higher up); values outside are held at the edge.</summary>
    public static double YOf(double value, double low, double high)
    {
        var share = high > low ? (Math.Clamp(value, low, high) - low) / (high - low) : 0.5;
        return Round(Top + PlotHeight * (1 - share));
    }

    private static (double Low, double High) Range(List<double> values, double? yMin, double? yMax)
    {
        var low = yMin ?? values.Min();
        var high = yMax ?? values.Max();
        if (high < low)
        {
            (low, high) = (high, low);
        }

        return high > low ? (low, high) : (low - 1, high + 1);
    }

    private static double Round(double value) => Math.Round(value, 1);
}
