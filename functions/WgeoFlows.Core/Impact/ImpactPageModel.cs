using System.Globalization;
using WgeoFlows.Reference;

namespace WgeoFlows.Impact;

public sealed record ImpactFigureView(string Label, string Value);

public sealed record ImpactBarView(int Y, int Width, int TextX, string Fill, string Value, string Series);

public sealed record ImpactRowView(int Y, string Label, IReadOnlyList<ImpactBarView> Bars, IReadOnlyList<string> Values);

/// <summary>A horizontal bar chart drawn as inline SVG, with the same figures in a table beside it.</summary>
public sealed record ImpactChartView(string Id, string Title, int Height, IReadOnlyList<string> Series, IReadOnlyList<ImpactRowView> Rows);

public sealed record ImpactStoryView(string Requester, string Partners, string Theme, string Quarter);

/// <summary>The impact page's model: every text already chosen for the language, every chart already laid out.</summary>
public sealed record ImpactPageModel(ImpactTexts Texts, string Language, IReadOnlyList<ImpactFigureView> Totals,
    IReadOnlyList<ImpactFigureView> Cooperation, IReadOnlyList<ImpactChartView> Charts, IReadOnlyList<ImpactStoryView> Stories,
    string SuppressedNote, string JsonUrl, string CsvUrl)
{
    private const int LabelWidth = 210;
    private const int BarSpace = 300;
    private const int BarHeight = 14;
    private static readonly string[] Fills = ["#0b6e4f", "#2f5d8a", "#7a3e8e"];

    public static ImpactPageModel Build(ImpactFigures figures, string language)
    {
        var texts = ImpactTexts.For(language);
        var all = ImpactMetrics.AllPeriods;
        string Show(ImpactCell? cell, string format = "N0") =>
            cell is null ? "0" : cell.Suppressed ? texts.Suppressed : cell.Figure!.Value.ToString(format, CultureInfo.GetCultureInfo(language));
        string Days(ImpactCell? cell) =>
            cell is { Suppressed: true } ? texts.Suppressed
            : cell?.Figure is { } days ? string.Format(CultureInfo.GetCultureInfo(language), texts.AtMostDays, days) : "—";

        var totals = new List<ImpactFigureView>
        {
            new(texts.Received, Show(figures.Find(all, ImpactMetrics.Received))),
            new(texts.Approved, Show(figures.Find(all, ImpactMetrics.Approved))),
            new(texts.Matched, Show(figures.Find(all, ImpactMetrics.Matched))),
        };
        var cooperation = new List<ImpactFigureView>
        {
            new(texts.SouthSouthShare, Percent(figures.Find(all, ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.SouthSouth), texts, language)),
            new(texts.TriangularShare, Percent(figures.Find(all, ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.Triangular), texts, language)),
            new(texts.MedianToMatch, Days(figures.Find(all, ImpactMetrics.MedianDaysToMatch))),
            new(texts.MedianToDecision, Days(figures.Find(all, ImpactMetrics.MedianDaysToDecision))),
        };

        var charts = new List<ImpactChartView>
        {
            Chart("platform", texts.ByPlatform, figures, all, "platform", id => Taxonomy.Label(Taxonomy.Platforms, id, language), texts),
            Chart("region", texts.ByRegion, figures, all, "region", id => Taxonomy.Label(Taxonomy.Regions, id, language), texts),
            Chart("theme", texts.ByTheme, figures, all, "theme", id => Taxonomy.Label(Taxonomy.ThematicAreas, id, language), texts),
            QuarterChart(figures, texts),
        };
        var stories = figures.Stories.Select(s => new ImpactStoryView(
            $"{s.RequesterOrganization} ({CountryName(s.RequesterCountry)})",
            string.Join(", ", s.Partners.Select(p => $"{p.Organization} ({CountryName(p.Country)})")),
            Taxonomy.Label(Taxonomy.ThematicAreas, s.Theme, language), s.Quarter)).ToList();
        return new ImpactPageModel(texts, language, totals, cooperation, charts, stories,
            string.Format(CultureInfo.InvariantCulture, texts.SuppressedNote, figures.MinimumCount),
            $"{ImpactRoutes.ApiPrefix}{ImpactRoutes.DataJson}", $"{ImpactRoutes.ApiPrefix}{ImpactRoutes.DataCsv}");
    }

    private static string CountryName(string code) => CountryCatalog.Default.Find(code)?.Name ?? code;

    private static string Percent(ImpactCell? cell, ImpactTexts texts, string language) =>
        cell is { Suppressed: true } ? texts.Suppressed
        : cell?.Figure is { } value ? value.ToString("0.#", CultureInfo.GetCultureInfo(language)) + " %" : "—";

    private static ImpactChartView Chart(string id, string title, ImpactFigures figures, string period, string dimension,
        Func<string, string> label, ImpactTexts texts)
    {
        var categories = ImpactMetrics.Counts.SelectMany(m => figures.Breakdown(period, m, dimension)).Select(c => c.Category)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return Lay(id, title, texts, categories.Select(c => (label(c),
            ImpactMetrics.Counts.Select(m => figures.Find(period, m, dimension, c)).ToList())).ToList());
    }

    private static ImpactChartView QuarterChart(ImpactFigures figures, ImpactTexts texts) =>
        Lay("quarter", texts.ByQuarter, texts, figures.Quarters.Select(q => (q,
            ImpactMetrics.Counts.Select(m => figures.Find(q, m)).ToList())).ToList());

    private static ImpactChartView Lay(string id, string title, ImpactTexts texts, List<(string Label, List<ImpactCell?> Cells)> categories)
    {
        var series = new[] { texts.Received, texts.Approved, texts.Matched };
        var max = Math.Max(1, categories.SelectMany(c => c.Cells).Max(c => c?.Figure) ?? 1);
        var rows = new List<ImpactRowView>();
        var y = 0;
        foreach (var (name, cells) in categories)
        {
            var bars = cells.Select((cell, i) =>
            {
                var width = cell?.Figure is { } v ? (int)Math.Round(BarSpace * v / max) : 0;
                var value = cell is { Suppressed: true } ? texts.Suppressed : ((long)(cell?.Figure ?? 0)).ToString(CultureInfo.InvariantCulture);
                return new ImpactBarView(y + 4 + i * (BarHeight + 2), width, LabelWidth + width + 4, Fills[i], value, series[i]);
            }).ToList();
            rows.Add(new ImpactRowView(y + 4 + BarHeight + 4, name, bars, bars.Select(b => b.Value).ToList()));
            y += 3 * (BarHeight + 2) + 12;
        }
        return new ImpactChartView(id, title, Math.Max(y, 20), series, rows);
    }
}
