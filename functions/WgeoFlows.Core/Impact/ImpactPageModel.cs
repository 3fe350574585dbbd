using WgeoFlows.Localization;
using WgeoFlows.Reference;

namespace WgeoFlows.Impact;

public sealed record ImpactFigureView(string Label, string Value);

/// <param name="X">The bar's left edge: beside the label column on the reading direction's side.</param>
/// <param name="TextX">Where its value starts, written in the chart's direction so that it runs away from the bar.</param>
public sealed record ImpactBarView(int X, int Y, int Width, int TextX, string Fill, string Value, string Series);

public sealed record ImpactRowView(int Y, string Label, IReadOnlyList<ImpactBarView> Bars, IReadOnlyList<string> Values);

/// <summary>A horizontal bar chart drawn as inline SVG, with the same figures in a table beside it. Its texts are written in
/// the language's <see cref="Direction"/> from <see cref="LabelX"/> (SVG's text-anchor "start" is the right edge of a
/// right-to-left text), and the bars grow away from the labels, so an Arabic chart is the mirror of an English one.</summary>
public sealed record ImpactChartView(string Id, string Title, string Description, int Height, int LabelX, string Direction,
    IReadOnlyList<ImpactLegendView> Series, IReadOnlyList<ImpactRowView> Rows);

public sealed record ImpactLegendView(string Name, string Fill);

public sealed record ImpactStoryView(string Requester, string Partners, string Theme, string Quarter);

/// <summary>The impact page's model: every text already chosen for the language, every number formatted for its culture,
/// every chart already laid out for its direction.</summary>
public sealed record ImpactPageModel(ImpactTexts Texts, string Language, IReadOnlyList<ImpactFigureView> Totals,
    IReadOnlyList<ImpactFigureView> Cooperation, IReadOnlyList<ImpactChartView> Charts, IReadOnlyList<ImpactStoryView> Stories,
    string SuppressedNote, string JsonUrl, string CsvUrl)
{
    /// <summary>The SVG's width in its own units.</summary>
    public const int ChartWidth = 600;
    private const int LabelWidth = 210;
    private const int BarSpace = 300;
    private const int BarHeight = 14;
    private static readonly string[] Fills = ["#0b6e4f", "#2f5d8a", "#7a3e8e"];

    public static ImpactPageModel Build(ImpactFigures figures, string language)
    {
        var texts = ImpactTexts.For(language);
        var code = texts.Texts.Language.Code;
        var all = ImpactMetrics.AllPeriods;
        string Show(ImpactCell? cell) =>
            cell is null ? texts.Texts.Number(0) : cell.Suppressed ? texts.Suppressed : texts.Texts.Number((decimal)cell.Figure!.Value);
        string Days(ImpactCell? cell) =>
            cell is { Suppressed: true } ? texts.Suppressed : cell?.Figure is { } days ? texts.AtMostDays((long)days) : "—";
        string Percent(ImpactCell? cell) =>
            cell is { Suppressed: true } ? texts.Suppressed : cell?.Figure is { } value ? texts.Percent(value) : "—";

        var totals = new List<ImpactFigureView>
        {
            new(texts.Received, Show(figures.Find(all, ImpactMetrics.Received))),
            new(texts.Approved, Show(figures.Find(all, ImpactMetrics.Approved))),
            new(texts.Matched, Show(figures.Find(all, ImpactMetrics.Matched))),
        };
        var cooperation = new List<ImpactFigureView>
        {
            new(texts.SouthSouthShare, Percent(figures.Find(all, ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.SouthSouth))),
            new(texts.TriangularShare, Percent(figures.Find(all, ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.Triangular))),
            new(texts.MedianToMatch, Days(figures.Find(all, ImpactMetrics.MedianDaysToMatch))),
            new(texts.MedianToDecision, Days(figures.Find(all, ImpactMetrics.MedianDaysToDecision))),
        };

        var charts = new List<ImpactChartView>
        {
            Chart("platform", texts.ByPlatform, figures, all, "platform", id => Taxonomy.Label(Taxonomy.Platforms, id, code), texts),
            Chart("region", texts.ByRegion, figures, all, "region", id => Taxonomy.Label(Taxonomy.Regions, id, code), texts),
            Chart("theme", texts.ByTheme, figures, all, "theme", id => Taxonomy.Label(Taxonomy.ThematicAreas, id, code), texts),
            QuarterChart(figures, texts),
        };
        string Named(string organization, string country) => $"{organization} ({CountryCatalog.Default.NameIn(country, code)})";
        var stories = figures.Stories.Select(s => new ImpactStoryView(
            Named(s.RequesterOrganization, s.RequesterCountry),
            string.Join(code == "zh" ? "、" : code == "ar" ? "، " : ", ", s.Partners.Select(p => Named(p.Organization, p.Country))),
            Taxonomy.Label(Taxonomy.ThematicAreas, s.Theme, code), texts.Quarter(s.Quarter))).ToList();
        return new ImpactPageModel(texts, code, totals, cooperation, charts, stories, texts.SuppressedNote(figures.MinimumCount),
            $"{ImpactRoutes.ApiPrefix}{ImpactRoutes.DataJson}", $"{ImpactRoutes.ApiPrefix}{ImpactRoutes.DataCsv}");
    }

    private static ImpactChartView Chart(string id, string title, ImpactFigures figures, string period, string dimension,
        Func<string, string> label, ImpactTexts texts)
    {
        var categories = ImpactMetrics.Counts.SelectMany(m => figures.Breakdown(period, m, dimension)).Select(c => c.Category)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return Lay(id, title, texts, categories.Select(c => (label(c),
            ImpactMetrics.Counts.Select(m => figures.Find(period, m, dimension, c)).ToList())).ToList());
    }

    private static ImpactChartView QuarterChart(ImpactFigures figures, ImpactTexts texts) =>
        Lay("quarter", texts.ByQuarter, texts, figures.Quarters.Select(q => (texts.Quarter(q),
            ImpactMetrics.Counts.Select(m => figures.Find(q, m)).ToList())).ToList());

    private static ImpactChartView Lay(string id, string title, ImpactTexts texts, List<(string Label, List<ImpactCell?> Cells)> categories)
    {
        var rtl = texts.Texts.Language.RightToLeft;
        var series = new[] { texts.Received, texts.Approved, texts.Matched };
        var max = Math.Max(1, categories.SelectMany(c => c.Cells).Max(c => c?.Figure) ?? 1);
        var rows = new List<ImpactRowView>();
        var y = 0;
        foreach (var (name, cells) in categories)
        {
            var bars = cells.Select((cell, i) =>
            {
                var width = cell?.Figure is { } v ? (int)Math.Round(BarSpace * v / max) : 0;
                var value = cell is { Suppressed: true } ? texts.Suppressed : texts.Texts.Number((long)(cell?.Figure ?? 0));
                // Left to right: the bar starts at the label column's right edge and its value follows it; right to left,
                // the mirror image, measured from the right edge of the drawing.
                return rtl
                    ? new ImpactBarView(ChartWidth - LabelWidth - width, y + 4 + i * (BarHeight + 2), width, ChartWidth - LabelWidth - width - 4,
                        Fills[i], value, series[i])
                    : new ImpactBarView(LabelWidth, y + 4 + i * (BarHeight + 2), width, LabelWidth + width + 4, Fills[i], value, series[i]);
            }).ToList();
            rows.Add(new ImpactRowView(y + 4 + BarHeight + 4, name, bars, bars.Select(b => b.Value).ToList()));
            y += 3 * (BarHeight + 2) + 12;
        }
        return new ImpactChartView(id, title, texts.ChartOf(title), Math.Max(y, 20), rtl ? ChartWidth : 0, texts.Texts.Language.Direction,
            [.. series.Select((s, i) => new ImpactLegendView(s, Fills[i]))], rows);
    }
}
