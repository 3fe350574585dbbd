using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WgeoFlows.Shared;
using WgeoFlows.Web;

namespace WgeoFlows.Impact;

/// <summary>GET /api/impact (the public page, ?lang=en|fr|es), /api/impact/data.json and /api/impact/data.csv: the same
/// figures, no sign-in, cached. Each answer reads the counters (one range query) and the newest stories (one query).</summary>
public sealed class ImpactHandler(ImpactStatsStore store, PageRenderer pages, IOptions<ImpactOptions> options, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    /// <summary>The open-data CSV header (documented in the README's data dictionary).</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["period", "metric", "dimension", "category", "figure", "suppressed"];

    public async Task<ImpactFigures> FiguresAsync(CancellationToken cancellationToken = default)
    {
        var counters = await store.CountersAsync(cancellationToken);
        var stories = await store.StoriesAsync(options.Value.Stories, cancellationToken);
        return ImpactReport.Build(counters, stories, Math.Max(1, options.Value.MinimumCount), time.GetUtcNow());
    }

    public async Task<IResult> PageAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        var requested = http.Query["lang"].ToString();
        var language = ImpactTexts.Languages.Contains(requested) ? requested : "en";
        var model = ImpactPageModel.Build(await FiguresAsync(cancellationToken), language);
        return new HtmlResult(200, await pages.RenderAsync("impact", model.Texts.Heading, model, language), PublicCacheResult.HeaderValue(CacheFor));
    }

    public async Task<IResult> JsonAsync(CancellationToken cancellationToken = default) =>
        new PublicCacheResult(Results.Json(await FiguresAsync(cancellationToken), WgeoJson.Options), CacheFor);

    public async Task<IResult> CsvAsync(CancellationToken cancellationToken = default)
    {
        var figures = await FiguresAsync(cancellationToken);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Separator = ',' }, leaveOpen: true))
        {
            foreach (var column in CsvColumns) csv.WriteField(column);
            csv.EndRecord();
            foreach (var cell in figures.Cells)
            {
                csv.WriteField(cell.Period);
                csv.WriteField(cell.Metric);
                csv.WriteField(cell.Dimension);
                csv.WriteField(cell.Category);
                csv.WriteField(cell.Figure?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(cell.Suppressed ? "true" : "false");
                csv.EndRecord();
            }
            csv.Flush();
        }
        return new PublicCacheResult(Results.Text(text.ToString(), "text/csv; charset=utf-8"), CacheFor);
    }
}
