using System.Net;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;
using WgeoFlows.Configuration;
using WgeoFlows.Shared;

namespace WgeoFlows.Notifications;

/// <summary>
/// Sends a rendered mail with SendGrid's own client; <see cref="SendGridOptions.Host"/> points that same client at the
/// local mail sink. custom_args requestId and messageKey let SendGrid's event webhook find the outbox row again.
/// A call that takes longer than <see cref="SendGridOptions.Timeout"/> is given up as <see cref="EmailSendTimedOutException"/>:
/// SendGrid may have accepted the mail meanwhile, so the retry that follows can deliver it twice — at least once, never lost.
/// </summary>
public sealed class SendGridMailSender(IOptions<SendGridOptions> sendGrid, IOptions<MailOptions> mail)
{
    private readonly Lazy<SendGridClient> _client = new(() => CreateClient(sendGrid.Value));

    /// <exception cref="EmailSendFailedException">A 5xx or 429: worth retrying.</exception>
    /// <exception cref="EmailRejectedException">Any other 4xx: the same mail will be refused again.</exception>
    public async Task SendAsync(string requestId, string messageKey, IReadOnlyList<EmailRecipient> to, RenderedEmail email,
        CancellationToken cancellationToken = default)
    {
        var from = new EmailAddress(mail.Value.From, mail.Value.FromName);
        var recipients = to.Select(r => new EmailAddress(r.Email, string.IsNullOrWhiteSpace(r.Name) ? null : r.Name)).ToList();
        // One personalization per recipient: admins and co-recipients do not see each other's addresses.
        var message = MailHelper.CreateSingleEmailToMultipleRecipients(from, recipients, email.Subject, email.Text, email.Html);
        message.AddGlobalCustomArg("requestId", requestId);
        message.AddGlobalCustomArg("messageKey", messageKey);

        Response response;
        try
        {
            response = await _client.Value.SendEmailAsync(message, cancellationToken);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new EmailSendTimedOutException(sendGrid.Value.Timeout);
        }
        if (response.IsSuccessStatusCode) return;

        var reason = $"SendGrid answered {(int)response.StatusCode} {response.StatusCode}";
        if (response.Headers.RetryAfter?.Delta is { } retryAfter) reason += $" (retry after {retryAfter.TotalSeconds:0} s)";
        var detail = await response.Body.ReadAsStringAsync(cancellationToken);
        // SendGrid's error bodies are short JSON; the outbox row keeps a bounded excerpt.
        if (!string.IsNullOrWhiteSpace(detail)) reason += ": " + Echo.Cut(detail.Trim(), 300);
        throw (int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests
            ? new EmailRejectedException(response.StatusCode, reason)
            : new EmailSendFailedException(response.StatusCode, reason);
    }

    private static SendGridClient CreateClient(SendGridOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new InvalidOperationException($"{SendGridOptions.Section}:ApiKey is not configured: no email can be sent.");
        }
        var clientOptions = new SendGridClientOptions { ApiKey = options.ApiKey };
        if (!string.IsNullOrWhiteSpace(options.Host)) clientOptions.Host = options.Host;
        // One long-lived HttpClient for the sender's lifetime; connections are recycled so a DNS change of SendGrid's
        // endpoint is picked up.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = options.Timeout,
        };
        return new SendGridClient(http, clientOptions);
    }
}

