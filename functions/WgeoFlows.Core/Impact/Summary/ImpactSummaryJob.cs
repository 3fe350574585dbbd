using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Notifications;

namespace WgeoFlows.Impact.Summary;

public enum ImpactSummaryOutcome { Sent, AlreadySent, NoRecipients }

/// <summary>
/// Emails the admins the figures of the quarter that has just ended and the public page's link. Once per quarter,
/// however often the timer fires: through the email outbox, partition "impact|{quarter}" with message key
/// "impact-summary" (as the daily digest does for its day). The figures are the published ones: suppressed cells stay
/// suppressed.
/// </summary>
public sealed class ImpactSummaryJob(
    ImpactHandler impact,
    OutboxDelivery delivery,
    ImpactSummaryRenderer renderer,
    IOptions<AdminOptions> admin,
    IOptions<PublicUrlOptions> urls,
    TimeProvider time,
    ILogger<ImpactSummaryJob> logger)
{
    public const string MessageKey = "impact-summary";

    public static string PartitionFor(string quarter) => "impact|" + quarter;

    public async Task<ImpactSummaryOutcome> RunAsync(CancellationToken cancellationToken = default)
    {
        var recipients = admin.Value.NotifyEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0)
        {
            logger.LogWarning("No impact summary: Admin:NotifyEmails names no address");
            return ImpactSummaryOutcome.NoRecipients;
        }
        var now = time.GetUtcNow();
        var quarter = ImpactQuarters.Previous(now);
        var partition = PartitionFor(quarter);
        if (await delivery.IsSentAsync(partition, MessageKey, cancellationToken))
        {
            return ImpactSummaryOutcome.AlreadySent;
        }

        var figures = await impact.FiguresAsync(cancellationToken);
        var email = await renderer.RenderAsync(new ImpactSummaryModel(quarter, urls.Value.BaseUrl + ImpactRoutes.ApiPrefix + ImpactRoutes.Page,
            QuarterFigures(figures, quarter)));
        await delivery.SendAsync(partition, MessageKey, recipients.Select(r => new EmailRecipient(r, null)).ToList(), email, cancellationToken);
        logger.LogInformation("Impact summary {Quarter} sent to {Count} admin(s)", quarter, recipients.Count);
        return ImpactSummaryOutcome.Sent;
    }

    /// <summary>The quarter's published figures, in the page's English words.</summary>
    public static IReadOnlyList<ImpactFigureView> QuarterFigures(ImpactFigures figures, string quarter)
    {
        var texts = ImpactTexts.For("en");
        string Show(ImpactCell? cell, string unit = "") =>
            cell is null ? (unit.Length == 0 ? "0" : "—")
            : cell.Suppressed ? texts.Suppressed
            : cell.Figure is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + unit : "—";
        return
        [
            new(texts.Received, Show(figures.Find(quarter, ImpactMetrics.Received))),
            new(texts.Approved, Show(figures.Find(quarter, ImpactMetrics.Approved))),
            new(texts.Matched, Show(figures.Find(quarter, ImpactMetrics.Matched))),
            new(texts.SouthSouthShare, Show(figures.Find(quarter, ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.SouthSouth), " %")),
            new(texts.TriangularShare, Show(figures.Find(quarter, ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.Triangular), " %")),
            new(texts.MedianToMatch + " (days, at most)", Show(figures.Find(quarter, ImpactMetrics.MedianDaysToMatch), "")),
            new(texts.MedianToDecision + " (days, at most)", Show(figures.Find(quarter, ImpactMetrics.MedianDaysToDecision), "")),
        ];
    }
}
