using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Admin.Dashboard;
using WgeoFlows.Configuration;
using WgeoFlows.Notifications;
using WgeoFlows.RequestIndex;

namespace WgeoFlows.Admin.Digest;

public enum DigestOutcome { Sent, AlreadySent, NoRecipients }

/// <summary>
/// The daily digest to the admins: counts per status, the requests waiting longest, failures and undelivered mail.
/// Once per day, however often the timer fires: it goes through the email outbox like every mail, in the synthetic
/// partition "digest|{yyyy-MM-dd}" with message key "admin-digest" — the outbox rows are keyed by request, and a digest is
/// about no request; a partition per day keeps one day's digest findable by key, and SendGrid's events for it (custom
/// args requestId = that partition) land on its row like any other mail's.
/// </summary>
public sealed class AdminDigestJob(
    AdminSummaryReader summaries,
    AdminStatsStore stats,
    OutboxDelivery delivery,
    DigestRenderer renderer,
    IOptions<AdminOptions> admin,
    IOptions<DigestOptions> options,
    IOptions<ServiceLevelOptions> levels,
    IOptions<PublicUrlOptions> urls,
    TimeProvider time,
    ILogger<AdminDigestJob> logger)
{
    public const string MessageKey = "admin-digest";

    public static string PartitionFor(DateOnly date) => "digest|" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<DigestOutcome> RunAsync(CancellationToken cancellationToken = default)
    {
        var recipients = admin.Value.NotifyEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0)
        {
            logger.LogWarning("No daily digest: Admin:NotifyEmails names no address");
            return DigestOutcome.NoRecipients;
        }
        var now = time.GetUtcNow();
        var partition = PartitionFor(DateOnly.FromDateTime(now.UtcDateTime));
        if (await delivery.IsSentAsync(partition, MessageKey, cancellationToken))
        {
            return DigestOutcome.AlreadySent;
        }

        var email = await renderer.RenderAsync(await BuildModelAsync(now, cancellationToken));
        await delivery.SendAsync(partition, MessageKey, recipients.Select(r => new EmailRecipient(r, null)).ToList(), email, cancellationToken);
        logger.LogInformation("Daily digest {Partition} sent to {Count} admin(s)", partition, recipients.Count);
        return DigestOutcome.Sent;
    }

    private async Task<DigestModel> BuildModelAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var summary = await summaries.ReadAsync(cancellationToken);
        var take = options.Value.DigestLongestWaiting;
        var waiting = new List<WaitingRequest>();
        foreach (var stage in summary.Waiting.Where(s => s.Count > 0))
        {
            waiting.AddRange(await stats.LongestWaitingAsync(stage.Status, take, cancellationToken));
        }
        var longest = waiting.OrderBy(w => w.Since).Take(take).Select(w =>
        {
            var age = now - w.Since;
            return new DigestWaiting(w.RequestId, w.Title, w.Status.ToString(), Describe(age),
                ServiceLevelOptions.StateOf(age, levels.Value.LevelOf(w.Status)));
        }).ToList();
        return new DigestModel(
            now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            urls.Value.BaseUrl + "/api/admin",
            summary.Counts.Select(c => new DigestCount(c.Key.ToString(), c.Value)).ToList(),
            longest,
            summary.Failures.Select(f => new DigestFailure(f.RequestId, f.Title, f.UpdatedAt.ToString("u", CultureInfo.InvariantCulture))).ToList(),
            summary.Flagged.Select(f => new DigestFlag(f.RequestId, f.Detail)).ToList(),
            summary.Waiting.Sum(s => s.Count),
            summary.Waiting.Count(s => s.State == "late"));
    }

    private static string Describe(TimeSpan age) =>
        age.TotalDays >= 2 ? $"{(int)age.TotalDays} days"
        : age.TotalHours >= 2 ? $"{(int)age.TotalHours} hours"
        : $"{Math.Max(0, (int)age.TotalMinutes)} minutes";
}
