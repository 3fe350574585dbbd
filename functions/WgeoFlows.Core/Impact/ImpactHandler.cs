using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WgeoFlows.Shared;
using WgeoFlows.Web;

namespace WgeoFlows.Impact;

/// <summary>GET /api/impact (the public page, ?lang=en|fr|es), /api/impact/data.json and /api/impact/data.csv: the same
/// figures, no sign-in, cached. Building the figures reads the counters (one range query per shard) and the newest stories
/// (one query); the three answers are served from figures built at most once per <see cref="ImpactOptions.CacheFor"/> in
/// this instance (one refresh at a time, the other requests wait for it), so that anonymous GETs cost storage requests by
/// the clock, not by their number.</summary>
public sealed class ImpactHandler(ImpactStatsStore store, PageRenderer pages, IOptions<ImpactOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _snapshot;

    private sealed record Snapshot(ImpactFigures Figures, DateTimeOffset ReadAt);

    private TimeSpan CacheFor => options.Value.CacheFor > TimeSpan.Zero ? options.Value.CacheFor : TimeSpan.Zero;

    /// <summary>The open-data CSV header (documented in docs/integrators.md, "Data dictionary").</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["period", "metric", "dimension", "category", "figure", "suppressed"];

    /// <summary>The figures as storage holds them now (no cache).</summary>
    public async Task<ImpactFigures> FiguresAsync(CancellationToken cancellationToken = default)
    {
        var counters = await store.CountersAsync(cancellationToken);
        var stories = await store.StoriesAsync(options.Value.Stories, cancellationToken);
        return ImpactReport.Build(counters, stories, Math.Max(1, options.Value.MinimumCount), time.GetUtcNow());
    }

    /// <summary>The figures the public answers show: read at most once per <see cref="ImpactOptions.CacheFor"/>.</summary>
    public async Task<ImpactFigures> CachedFiguresAsync(CancellationToken cancellationToken = default)
    {
        if (CacheFor == TimeSpan.Zero) return await FiguresAsync(cancellationToken);
        if (Fresh() is { } figures) return figures;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Whoever waited for the refresh another request was running finds its result here.
            if (Fresh() is { } refreshed) return refreshed;
            var read = await FiguresAsync(cancellationToken);
            Volatile.Write(ref _snapshot, new Snapshot(read, time.GetUtcNow()));
            return read;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private ImpactFigures? Fresh() =>
        Volatile.Read(ref _snapshot) is { } s && time.GetUtcNow() - s.ReadAt < CacheFor ? s.Figures : null;

    public async Task<IResult> PageAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        var requested = http.Query["lang"].ToString();
        var language = ImpactTexts.Languages.Contains(requested) ? requested : "en";
        var model = ImpactPageModel.Build(await CachedFiguresAsync(cancellationToken), language);
        return new HtmlResult(200, await pages.RenderAsync("impact", model.Texts.Heading, model, language), PublicCacheResult.HeaderValue(CacheFor));
    }

    public async Task<IResult> JsonAsync(CancellationToken cancellationToken = default) =>
        new PublicCacheResult(Results.Json(await CachedFiguresAsync(cancellationToken), WgeoJson.Options), CacheFor);

    public async Task<IResult> CsvAsync(CancellationToken cancellationToken = default)
    {
        var figures = await CachedFiguresAsync(cancellationToken);
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
