using System.Collections.Concurrent;
using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WgeoFlows.Localization;
using WgeoFlows.Shared;
using WgeoFlows.Web;

namespace WgeoFlows.Impact;

/// <summary>GET /api/impact (the public page, in the seven languages), /api/impact/data.json and /api/impact/data.csv: the same
/// figures, no sign-in, cached. Building the figures reads the counters (one range query per shard) and the newest stories
/// (one query); the three answers are served from figures built at most once per <see cref="ImpactOptions.CacheFor"/> in
/// this instance (one refresh at a time, the other requests wait for it), so that anonymous GETs cost storage requests by
/// the clock, not by their number. A story taken down (<see cref="ImpactStoryWithdrawal"/>) must go at once: the instance
/// that took it down drops its figures (<see cref="ForgetFigures"/>), and every instance checks the stories stamp (one point
/// read) at most once per <see cref="ImpactOptions.UnpublishCheckEvery"/> before serving its figures again, reading them
/// afresh when the stamp moved.</summary>
public sealed class ImpactHandler(ImpactStatsStore store, PageRenderer pages, IOptions<ImpactOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly ConcurrentDictionary<string, RenderedPage> _pages = new(StringComparer.Ordinal);
    private Snapshot? _snapshot;
    private long _forgotten;

    /// <summary>Figures read at <paramref name="ReadAt"/> under the stories stamp <paramref name="StoriesVersion"/>, which was
    /// last found unchanged at <paramref name="CheckedAt"/>.</summary>
    private sealed record Snapshot(ImpactFigures Figures, DateTimeOffset ReadAt, string? StoriesVersion, DateTimeOffset CheckedAt);

    private TimeSpan CacheFor => options.Value.CacheFor > TimeSpan.Zero ? options.Value.CacheFor : TimeSpan.Zero;

    private TimeSpan CheckEvery => options.Value.UnpublishCheckEvery > TimeSpan.Zero ? options.Value.UnpublishCheckEvery : TimeSpan.Zero;

    /// <summary>The open-data CSV header (documented in docs/integrators.md, "Data dictionary").</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["period", "metric", "dimension", "category", "figure", "suppressed"];

    /// <summary>The figures as storage holds them now (no cache).</summary>
    public async Task<ImpactFigures> FiguresAsync(CancellationToken cancellationToken = default)
    {
        var counters = await store.CountersAsync(cancellationToken);
        var stories = await store.StoriesAsync(options.Value.Stories, cancellationToken);
        return ImpactReport.Build(counters, stories, Math.Max(1, options.Value.MinimumCount), time.GetUtcNow());
    }

    /// <summary>Drops the cached figures: the next answer reads them again. A refresh already under way when this is called
    /// answers its own caller but keeps nothing (it may have read the stories before they were taken down).</summary>
    public void ForgetFigures()
    {
        Interlocked.Increment(ref _forgotten);
        Volatile.Write(ref _snapshot, null);
    }

    /// <summary>The figures the public answers show: read at most once per <see cref="ImpactOptions.CacheFor"/>, and again
    /// as soon as the stories stamp says a story was taken down.</summary>
    public async Task<ImpactFigures> CachedFiguresAsync(CancellationToken cancellationToken = default)
    {
        if (CacheFor == TimeSpan.Zero) return await FiguresAsync(cancellationToken);
        if (Servable(Volatile.Read(ref _snapshot), checkedSince: true) is { } figures) return figures;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Whoever waited for the refresh another request was running finds its result here.
            var snapshot = Volatile.Read(ref _snapshot);
            if (Servable(snapshot, checkedSince: true) is { } refreshed) return refreshed;
            var forgotten = Interlocked.Read(ref _forgotten);
            // Read before the stories, so that a story taken down after this read moves the stamp past what is kept.
            var version = await store.StoriesVersionAsync(cancellationToken);
            if (Servable(snapshot, checkedSince: false) is { } kept && snapshot!.StoriesVersion == version)
            {
                Keep(snapshot with { CheckedAt = time.GetUtcNow() }, forgotten);
                return kept;
            }
            var read = await FiguresAsync(cancellationToken);
            var now = time.GetUtcNow();
            Keep(new Snapshot(read, now, version, now), forgotten);
            return read;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The snapshot's figures while they are younger than <see cref="ImpactOptions.CacheFor"/> and, with
    /// <paramref name="checkedSince"/>, their stamp was checked within <see cref="ImpactOptions.UnpublishCheckEvery"/>.</summary>
    private ImpactFigures? Servable(Snapshot? snapshot, bool checkedSince)
    {
        var now = time.GetUtcNow();
        if (snapshot is null || now - snapshot.ReadAt >= CacheFor) return null;
        return !checkedSince || now - snapshot.CheckedAt < CheckEvery ? snapshot.Figures : null;
    }

    private void Keep(Snapshot snapshot, long forgottenBefore)
    {
        if (Interlocked.Read(ref _forgotten) == forgottenBefore) Volatile.Write(ref _snapshot, snapshot);
    }

    /// <summary>The page in the language <see cref="LanguageChoice"/> picks (?lang=, the switcher's cookie, Accept-Language),
    /// publicly cached: <c>Vary: Cookie, Accept-Language</c> keeps a shared cache from handing one language's page to someone
    /// who asked for another by cookie or browser (?lang= is in the URL, which caches key on anyway). The page of each
    /// language is rendered once per figures snapshot and kept beside it, keyed by language.</summary>
    public async Task<IResult> PageAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        var chosen = LanguageChoice.For(http.HttpContext).Language;
        // The switcher links to the page's own route with only ?lang=: a kept page carries nothing of the query that first
        // asked for it, so every visitor of one language gets the same page.
        var language = new PageLanguage(chosen, [.. Languages.All.Select(l =>
            new LanguageLink(l.Code, l.NativeName, $"{ImpactRoutes.ApiPrefix}{ImpactRoutes.Page}?{LanguageChoice.QueryName}={l.Code}", l.Code == chosen.Code))]);
        var figures = await CachedFiguresAsync(cancellationToken);
        string html;
        if (_pages.TryGetValue(language.Code, out var kept) && ReferenceEquals(kept.Figures, figures))
        {
            html = kept.Html;
        }
        else
        {
            var model = ImpactPageModel.Build(figures, language.Code);
            html = await pages.RenderAsync("impact", model.Texts.Heading, model, language);
            _pages[language.Code] = new RenderedPage(figures, html);
        }
        return new VaryResult(new HtmlResult(200, html, PublicCacheResult.HeaderValue(CacheFor)), Vary);
    }

    /// <summary>What besides the URL picks the page's language.</summary>
    public const string Vary = "Cookie, Accept-Language";

    private sealed record RenderedPage(ImpactFigures Figures, string Html);

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
