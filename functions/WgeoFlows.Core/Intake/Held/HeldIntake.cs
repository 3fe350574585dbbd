using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Notifications;

namespace WgeoFlows.Intake.Held;

/// <summary>
/// Keeps a correctly signed delivery the intake could not turn into a valid request, instead of refusing it with a 400
/// after which the form service gives up and the respondent's words are gone: raw body and field errors are stored
/// (<see cref="HeldDeliveryStore"/>), the sender gets 200, and the admins get one email per held delivery through the
/// outbox (partition "held|{id}", message key <see cref="NoticeKey"/>). A redelivery of the same submission is answered
/// the same and mails nobody again.
/// </summary>
public sealed class HeldIntake(
    HeldDeliveryStore store,
    OutboxDelivery delivery,
    HeldNoticeRenderer renderer,
    IOptions<AdminOptions> admin,
    IOptions<PublicUrlOptions> urls,
    TimeProvider clock,
    ILogger<HeldIntake> logger)
{
    public const string NoticeKey = "held-delivery";
    /// <summary>The notice is sent while the sender waits for its answer: never longer than this.</summary>
    public static readonly TimeSpan NoticeTimeout = TimeSpan.FromSeconds(10);

    public static string NoticePartition(string id) => "held|" + id;

    public async Task<HeldDelivery> HoldAsync(string source, string submissionId, byte[] rawBody, IReadOnlyDictionary<string, string[]> errors,
        JsonObject? mapped, CancellationToken cancellationToken)
    {
        var held = new HeldDelivery(HeldDelivery.IdFor(source, submissionId), source, submissionId, clock.GetUtcNow(), HeldState.Held,
            HeldDeliveryStore.Bounded(errors), Text(mapped, "organization", "name"), Text(mapped, "contact", "email"), Text(mapped, "request", "title"));
        if (!await store.TryHoldAsync(held, rawBody, cancellationToken))
        {
            var existing = await store.GetAsync(held.Id, cancellationToken) ?? held;
            logger.LogInformation("Delivery {HeldId} from {Source} is held already ({State})", existing.Id, source, existing.State);
            if (existing is { State: HeldState.Held, NotifiedAt: null }) await NotifyAsync(existing, cancellationToken);
            return existing;
        }
        logger.LogWarning("Held delivery {HeldId} from {Source}: {Count} field(s) could not be mapped ({Fields})", held.Id, source,
            held.Errors.Count, string.Join(", ", held.Errors.Keys));
        return await NotifyAsync(held, cancellationToken);
    }

    /// <summary>The sender's answer: 200, the delivery is kept (the form service must not give up on it, nor retry it).</summary>
    public static IResult Answer(HeldDelivery held) => Results.Json(new
    {
        status = "Held",
        heldId = held.Id,
        detail = "The delivery is kept: some answers could not be mapped to a request. An administrator will correct and release it.",
        errors = held.Errors,
    }, Shared.WgeoJson.Options, statusCode: StatusCodes.Status200OK);

    /// <summary>Mails the admins once; a failure is logged and leaves <see cref="HeldDelivery.NotifiedAt"/> unset (the
    /// held delivery is listed on the dashboard either way, and a redelivery tries the mail again).</summary>
    private async Task<HeldDelivery> NotifyAsync(HeldDelivery held, CancellationToken cancellationToken)
    {
        var recipients = admin.Value.NotifyEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(e => new EmailRecipient(e, null)).ToList();
        if (recipients.Count == 0)
        {
            logger.LogWarning("No admin is told of held delivery {HeldId}: Admin:NotifyEmails names no address", held.Id);
            return held;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(NoticeTimeout);
        try
        {
            var partition = NoticePartition(held.Id);
            if (!await delivery.IsSentAsync(partition, NoticeKey, timeout.Token))
            {
                var email = await renderer.RenderAsync(new HeldNoticeModel(held.Id, held.Source, held.ReceivedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                    held.Errors.Select(e => new HeldNoticeField(e.Key, string.Join(" ", e.Value))).ToList(), urls.Value.BaseUrl + "/api/admin#held"));
                await delivery.SendAsync(partition, NoticeKey, recipients, email, timeout.Token);
            }
            var notified = held with { NotifiedAt = clock.GetUtcNow() };
            await store.UpdateAsync(notified, cancellationToken);
            return notified;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The admins could not be told of held delivery {HeldId} now; it is listed on the dashboard", held.Id);
            return held;
        }
    }

    private static string? Text(JsonObject? mapped, string section, string name) =>
        mapped?[section] is JsonObject s && s[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
