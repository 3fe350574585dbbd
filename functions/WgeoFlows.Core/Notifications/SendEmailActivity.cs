using WgeoFlows.Storage;
using WgeoFlows.Telemetry;
using WgeoFlows.Workflow;

namespace WgeoFlows.Notifications;

/// <summary>
/// The SendEmail activity: renders a template for a request and sends it once. The outbox row "mail|{MessageKey}"
/// makes it idempotent: a mail already accepted by SendGrid is not sent again, however often the activity is
/// replayed or retried. A failure is recorded on the row (Attempts, LastError) and rethrown for the retry policy.
/// A crash between SendGrid's answer and the Sent mark would send again on retry: at least once, never silently lost.
/// </summary>
public sealed class SendEmailActivity(
    RequestStore requests,
    EmailOutboxStore outbox,
    TimelineStore timeline,
    EmailRenderer renderer,
    SendGridMailSender sender,
    TimeProvider time) : IWorkflowActivity<EmailCommand, EmailOutcome>
{
    public async Task<EmailOutcome> RunAsync(EmailCommand command, CancellationToken cancellationToken = default)
    {
        EmailCommandValidator.Validate(command);

        var existing = await outbox.GetAsync(command.RequestId, command.MessageKey, cancellationToken);
        if (existing is not null && existing.State != EmailState.Pending)
        {
            return new EmailOutcome(command.MessageKey, AlreadySent: true, existing.Subject);
        }

        var stored = await requests.GetAsync(command.RequestId, cancellationToken)
            ?? throw new InvalidOperationException($"Request {command.RequestId} does not exist: cannot send '{command.MessageKey}'.");
        var recipient = command.To.Count == 1 ? command.To[0] : null;
        var email = await renderer.RenderAsync(command.Template, command.Language, stored.Request, recipient, command.Values);
        var addresses = command.To.Select(r => r.Email).ToList();

        await outbox.RecordAttemptAsync(command.RequestId, command.MessageKey, addresses, email.Subject, email.Template,
            email.Language, time.GetUtcNow(), cancellationToken);
        try
        {
            await sender.SendAsync(command.RequestId, command.MessageKey, command.To, email, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WgeoMetrics.EmailFailed(command.Template);
            await outbox.RecordFailureAsync(command.RequestId, command.MessageKey, Describe(e), CancellationToken.None);
            throw;
        }

        var sentAt = time.GetUtcNow();
        await outbox.MarkSentAsync(command.RequestId, command.MessageKey, sentAt, cancellationToken);
        await timeline.AppendAsync(new TimelineEntry(command.RequestId, EmailOutboxStore.RowPrefix + command.MessageKey, "system",
            "email sent", $"{command.Template} to {string.Join(", ", addresses)}", sentAt), cancellationToken);
        return new EmailOutcome(command.MessageKey, AlreadySent: false, email.Subject);
    }

    /// <summary>What the outbox row keeps of a failure: SendGrid's status and excerpt, or the exception's type and
    /// message (neither carries the API key, which travels only in a request header).</summary>
    private static string Describe(Exception e) => e is EmailDeliveryException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
