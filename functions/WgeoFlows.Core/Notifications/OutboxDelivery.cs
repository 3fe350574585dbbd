using WgeoFlows.Telemetry;

namespace WgeoFlows.Notifications;

/// <summary>
/// Sends one rendered mail through its outbox row "mail|{messageKey}" in <c>partition</c> (a request's id, or a job's own
/// partition such as the daily digest's): the attempt is recorded before SendGrid is called; a failure is recorded on the
/// row (Attempts, LastError) and rethrown for the caller's retry; the Sent mark follows SendGrid's acceptance. A crash
/// between SendGrid's answer and that mark sends again on the next attempt: at least once, never silently lost.
/// Whether the mail went out already is the caller's first question (<see cref="IsSentAsync"/>), before it renders.
/// </summary>
public sealed class OutboxDelivery(EmailOutboxStore outbox, SendGridMailSender sender, TimeProvider time)
{
    public async Task<bool> IsSentAsync(string partition, string messageKey, CancellationToken cancellationToken = default) =>
        await outbox.GetAsync(partition, messageKey, cancellationToken) is { State: not EmailState.Pending };

    /// <summary>Sends <paramref name="email"/> to <paramref name="to"/> and returns when SendGrid accepted it.</summary>
    public async Task<DateTimeOffset> SendAsync(string partition, string messageKey, IReadOnlyList<EmailRecipient> to, RenderedEmail email,
        CancellationToken cancellationToken = default)
    {
        await outbox.RecordAttemptAsync(partition, messageKey, to.Select(r => r.Email).ToList(), email.Subject, email.Template,
            email.Language, time.GetUtcNow(), cancellationToken);
        try
        {
            await sender.SendAsync(partition, messageKey, to, email, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WgeoMetrics.EmailFailed(email.Template);
            await outbox.RecordFailureAsync(partition, messageKey, Describe(e), CancellationToken.None);
            throw;
        }
        var sentAt = time.GetUtcNow();
        await outbox.MarkSentAsync(partition, messageKey, sentAt, cancellationToken);
        return sentAt;
    }

    /// <summary>What the outbox row keeps of a failure: SendGrid's status and excerpt, or the exception's type and
    /// message (neither carries the API key, which travels only in a request header).</summary>
    private static string Describe(Exception e) => e is EmailDeliveryException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
