using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WgeoFlows.Notifications;
using WgeoFlows.RequestIndex;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Storage;
using WgeoFlows.Web;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Admin.MailEvents;

/// <summary>
/// POST /api/sendgrid/events: SendGrid's signed Event Webhook. Records delivered, bounced, dropped and spam-reported on
/// the mail's outbox row; a mail that did not arrive (bounce, drop) also goes into the request's timeline and flags the
/// request for admins. Unsigned, wrongly signed or stale posts are refused and change nothing.
/// </summary>
public sealed class SendGridEventHandler(
    SendGridSignature signature,
    EmailOutboxStore outbox,
    TimelineStore timeline,
    RequestStore requests,
    AdminFlagStore flags,
    BouncedAddresses bounced,
    TimeProvider time,
    ILogger<SendGridEventHandler> logger)
{
    /// <summary>SendGrid posts batches of events; a batch is far below this.</summary>
    public const int MaxBodyBytes = 5 * 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        var bytes = await RawBody.ReadAsync(http, MaxBodyBytes, cancellationToken);
        if (bytes is null) return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Too large", "An event batch is at most 5 MiB.");
        var body = Encoding.UTF8.GetString(bytes);

        var check = signature.Check(http.Headers[SendGridSignature.SignatureHeader], http.Headers[SendGridSignature.TimestampHeader], body);
        switch (check)
        {
            case SignatureCheck.NotConfigured:
                logger.LogWarning("A SendGrid event post was refused: SendGrid:EventWebhookPublicKey is not configured");
                return Problems.Unauthorized("This server does not accept SendGrid events: no verification key is configured.");
            case SignatureCheck.Missing:
                return Problems.Unauthorized("The post is not signed.");
            case SignatureCheck.Stale:
                return Problems.Unauthorized("The post's timestamp is too far from the server's clock.");
            case SignatureCheck.Invalid:
                return Problems.Unauthorized("The signature does not match.");
        }

        var events = SendGridEvent.ParseBatch(body);
        if (events is null) return Problems.Of(StatusCodes.Status400BadRequest, "Invalid request", "The body must be a JSON array of event objects.");
        var recorded = 0;
        foreach (var e in events)
        {
            if (await RecordAsync(e, cancellationToken)) recorded++;
        }
        return Results.Json(new { received = events.Count, recorded }, Shared.WgeoJson.Options);
    }

    private async Task<bool> RecordAsync(SendGridEvent e, CancellationToken cancellationToken)
    {
        if (e.State is not { } state || !TableKey.IsUsable(e.RequestId) || !TableKey.IsUsable(e.MessageKey)) return false;
        var mail = await outbox.GetAsync(e.RequestId!, e.MessageKey!, cancellationToken);
        if (mail is null) return false;
        var at = e.At ?? time.GetUtcNow();
        await RecordAddressAsync(e, state, at, cancellationToken);
        // Events come in any order, and a mail to several people can be delivered to one and bounce for another:
        // a later "delivered" never hides that the mail did not reach someone.
        if (state == EmailState.Delivered && mail.State is EmailState.Bounced or EmailState.Dropped or EmailState.Spam) return true;

        await outbox.SetDeliveryStateAsync(e.RequestId!, e.MessageKey!, state, at, cancellationToken);
        if (state == EmailState.Delivered) return true;

        var what = state switch
        {
            EmailState.Bounced => "email bounced",
            EmailState.Dropped => "email dropped",
            _ => "email reported as spam",
        };
        var detail = $"{mail.Template} to {e.Email ?? string.Join(", ", mail.To)}" + (string.IsNullOrWhiteSpace(e.Reason) ? "" : $": {e.Reason}");
        // A request's own mails only: the admin digest has an outbox row too, but no request to flag.
        if (await requests.GetAsync(e.RequestId!, cancellationToken) is null) return true;
        await timeline.AppendAsync(new TimelineEntry(e.RequestId!, TimelineKey(e), "sendgrid", what, detail, at), cancellationToken);
        if (state is EmailState.Bounced or EmailState.Dropped)
        {
            await flags.RaiseAsync(new AdminFlag(e.RequestId!, AdminFlagStore.MailUndelivered, detail, at), cancellationToken);
        }
        return true;
    }

    /// <summary>Per address (as a keyed hash), whether its last mail arrived: the dashboard warns about a platform whose
    /// reviewers all bounced. A delivery is per recipient, so it clears that address even when the same mail bounced for another.</summary>
    private async Task RecordAddressAsync(SendGridEvent e, EmailState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(e.Email)) return;
        if (state == EmailState.Delivered) await bounced.ForgetAsync(e.Email, cancellationToken);
        else if (state is EmailState.Bounced or EmailState.Dropped) await bounced.MarkUndeliveredAsync(e.Email, state.ToString().ToLowerInvariant(), at, cancellationToken);
    }

    /// <summary>The same event delivered twice by SendGrid rewrites the same timeline row.</summary>
    private static string TimelineKey(SendGridEvent e) =>
        "mail-event|" + TableKey.Clean(e.EventId ?? $"{e.MessageKey}|{e.Event}|{e.Email}");
}

/// <summary>What Table Storage accepts in a key: no '/', '\', '#', '?' and no control characters; at most 1 KiB.</summary>
internal static class TableKey
{
    public static bool IsUsable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 256 && !value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    public static string Clean(string value)
    {
        var cleaned = new string(value.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c).ToArray());
        return cleaned.Length <= 200 ? cleaned : cleaned[..200];
    }
}
