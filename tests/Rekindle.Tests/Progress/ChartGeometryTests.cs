using Rekindle.Web.Components.Shared;

namespace Rekindle.Tests.Progress;

/// <summary>The chart's arithmetic, without a page: placing values and thinning the x labels.</summary>
public sealed class ChartGeometryTests
{
    private static ChartSeries Series(params double?[] values) => new("s", values.Select((v, i) => new ChartPoint("w" + i, v)).ToList());

    [Fact]
    public void No_series_or_only_gaps_is_empty()
    {
        Assert.True(ChartGeometry.Lay([]).IsEmpty);
        var gaps = ChartGeometry.Lay([Series(null, null)], yMin: 0, yMax: 10);
        Assert.True(gaps.IsEmpty);
        Assert.Empty(gaps.Series);
        Assert.Empty(ChartGeometry.ShownLabels(0));
    }

    [Fact]
    public void One_point_is_a_lone_dot_in_the_middle()
    {
        var layout = ChartGeometry.Lay([Series(5)], yMin: 0, yMax: 10);
        var run = Assert.Single(Assert.Single(layout.Series).Runs);
        var dot = Assert.Single(run);
        Assert.Equal(ChartGeometry.Left + ChartGeometry.PlotWidth / 2, dot.X, 1);
        Assert.Equal(ChartGeometry.Top + ChartGeometry.PlotHeight / 2, dot.Y, 1);
        Assert.Equal("w0", Assert.Single(layout.XTicks).Text);
    }

    [Fact]
    public void Two_points_span_the_plot_and_higher_values_sit_higher()
    {
        var layout = ChartGeometry.Lay([Series(0, 10)], yMin: 0, yMax: 10);
        var run = Assert.Single(layout.Series[0].Runs);
        Assert.Equal(2, run.Count);
        Assert.Equal(ChartGeometry.Left, run[0].X, 1);
        Assert.Equal(ChartGeometry.Width - ChartGeometry.Right, run[1].X, 1);
        Assert.Equal(ChartGeometry.Top + ChartGeometry.PlotHeight, run[0].Y, 1);
        Assert.Equal(ChartGeometry.Top, run[1].Y, 1);
        Assert.Equal(["w0", "w1"], layout.XTicks.Select(t => t.Text));
    }

    [Fact]
    public void Sixty_points_print_at_most_six_labels_always_the_latest_and_evenly_spaced()
    {
        var layout = ChartGeometry.Lay([Series(Enumerable.Range(0, 60).Select(i => (double?)(i % 11)).ToArray())], yMin: 0, yMax: 10);
        Assert.Equal(60, Assert.Single(layout.Series[0].Runs).Count);
        Assert.InRange(layout.XTicks.Count, 2, ChartGeometry.MaxXLabels);
        Assert.Equal("w59", layout.XTicks[^1].Text);
        var gaps = layout.XTicks.Zip(layout.XTicks.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.All(gaps, g => Assert.True(g >= 40, $"labels only {g} apart"));
        Assert.Equal(ChartGeometry.ShownLabels(60).Count, layout.XTicks.Count);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(6, 6)]
    [InlineData(7, 4)]
    [InlineData(12, 6)]
    [InlineData(52, 6)]
    [InlineData(53, 6)]
    public void Label_thinning_keeps_the_latest_and_never_exceeds_the_maximum(int count, int expected)
    {
        var shown = ChartGeometry.ShownLabels(count);
        Assert.Equal(expected, shown.Count);
        Assert.Equal(count - 1, shown[^1]);
        Assert.Equal(shown.Count, shown.Distinct().Count());
    }

    [Fact]
    public void A_gap_splits_the_line_and_a_point_alone_between_gaps_stays_a_dot()
    {
        var layout = ChartGeometry.Lay([Series(1, 2, null, 4, null, 6, 7)], yMin: 0, yMax: 10);
        var runs = layout.Series[0].Runs;
        Assert.Equal([2, 1, 2], runs.Select(r => r.Count));
        Assert.Equal("w3", runs[1][0].XLabel);
        Assert.Equal(7, layout.XLabels.Count);
    }

    [Fact]
    public void A_flat_series_without_a_range_sits_in_the_middle_instead_of_dividing_by_zero()
    {
        var layout = ChartGeometry.Lay([Series(4, 4, 4)]);
        Assert.False(layout.IsEmpty);
        Assert.All(layout.Series[0].Runs[0], p => Assert.Equal(ChartGeometry.Top + ChartGeometry.PlotHeight / 2, p.Y, 1));
        Assert.All(layout.Series[0].Runs[0], p => Assert.False(double.IsNaN(p.Y)));
        Assert.Equal(["3", "4", "5"], layout.YTicks.Select(t => t.Text));
    }

    [Fact]
    public void Values_outside_the_range_are_held_at_its_edge()
    {
        var layout = ChartGeometry.Lay([Series(-3, 14)], yMin: 0, yMax: 10);
        Assert.Equal(ChartGeometry.Top + ChartGeometry.PlotHeight, layout.Series[0].Runs[0][0].Y, 1);
        Assert.Equal(ChartGeometry.Top, layout.Series[0].Runs[0][1].Y, 1);
    }

    [Fact]
    public void Bars_stand_on_the_baseline_side_by_side_within_their_slot()
    {
        var layout = ChartGeometry.Lay([Series(0, 1, null), Series(1, 0, 1)], ChartKind.Bars, 0, 1);
        Assert.Equal(2, layout.Series[0].Bars.Count);
        Assert.Equal(3, layout.Series[1].Bars.Count);
        var baseline = ChartGeometry.Top + ChartGeometry.PlotHeight;
        Assert.All(layout.Series.SelectMany(s => s.Bars), b => Assert.Equal(baseline, b.Y + b.Height, 1));
        var slot = ChartGeometry.PlotWidth / 3;
        var first = layout.Series[0].Bars[1];
        var second = layout.Series[1].Bars[1];
        Assert.True(first.X + first.Width <= second.X + 0.1);
        Assert.True(second.X + second.Width <= ChartGeometry.Left + 2 * slot + 0.1);
    }

    [Theory]
    [InlineData(ChartKind.Line, 2)]
    [InlineData(ChartKind.Line, 12)]
    [InlineData(ChartKind.Bars, 12)]
    [InlineData(ChartKind.Line, 60)]
    public void Every_x_label_stays_inside_the_view_box(ChartKind kind, int count)
    {
        var series = new ChartSeries("s", Enumerable.Range(0, count).Select(i => new ChartPoint("12 Oct", (double?)i)).ToList());
        var layout = ChartGeometry.Lay([series], kind);
        Assert.NotEmpty(layout.XTicks);
        foreach (var tick in layout.XTicks)
        {
            var (start, end) = tick.Extent;
            Assert.InRange(start, 0, ChartGeometry.Width);
            Assert.InRange(end, 0, ChartGeometry.Width);
        }

        if (kind == ChartKind.Line)
        {
            Assert.Equal("end", layout.XTicks[^1].Anchor);
            Assert.Equal(ChartGeometry.Width - ChartGeometry.Right, layout.XTicks[^1].At, 1);
        }
    }
}
