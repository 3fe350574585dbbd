using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Notifications;

/// <summary>
/// The SendEmail activity: renders a template for a request and sends it once. The outbox row "mail|{MessageKey}"
/// makes it idempotent: a mail already accepted by SendGrid is not sent again, however often the activity is
/// replayed or retried (<see cref="OutboxDelivery"/>: a failure is recorded on the row and rethrown for the retry policy).
/// The mail's language is the command's, except for staff mails, written in <see cref="NotificationOptions.StaffLanguage"/>
/// (<see cref="MailLanguage"/>).
/// </summary>
public sealed class SendEmailActivity(
    RequestStore requests,
    EmailOutboxStore outbox,
    TimelineStore timeline,
    EmailRenderer renderer,
    OutboxDelivery delivery,
    IOptions<NotificationOptions> notifications) : IWorkflowActivity<EmailCommand, EmailOutcome>
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
        var language = MailLanguage.Of(command, notifications.Value.StaffLanguage);
        var email = await renderer.RenderAsync(command.Template, language, stored.Request, recipient, command.Values);
        var sentAt = await delivery.SendAsync(command.RequestId, command.MessageKey, command.To, email, cancellationToken);
        await timeline.AppendAsync(new TimelineEntry(command.RequestId, EmailOutboxStore.RowPrefix + command.MessageKey, "system",
            "email sent", $"{command.Template} to {string.Join(", ", command.To.Select(r => r.Email))}", sentAt), cancellationToken);
        return new EmailOutcome(command.MessageKey, AlreadySent: false, email.Subject);
    }
}
