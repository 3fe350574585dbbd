using System.Net;

namespace WgeoFlows.Notifications;

/// <summary>SendGrid did not accept a mail. The orchestrator's retry policy decides what to do from the type.</summary>
public abstract class EmailDeliveryException(HttpStatusCode statusCode, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}

/// <summary>A transient failure (5xx, 429 too many requests): retrying later may succeed.</summary>
public sealed class EmailSendFailedException(HttpStatusCode statusCode, string message)
    : EmailDeliveryException(statusCode, message);

/// <summary>SendGrid refused the mail itself (4xx other than 429: bad address, bad key, bad payload): retrying the
/// same mail will fail the same way.</summary>
public sealed class EmailRejectedException(HttpStatusCode statusCode, string message)
    : EmailDeliveryException(statusCode, message);

/// <summary>SendGrid did not answer within <c>SendGrid:Timeout</c>. Transient like a 5xx, but SendGrid may have accepted the
/// mail before the answer was lost: the retry can deliver a duplicate.</summary>
public sealed class EmailSendTimedOutException(TimeSpan after)
    : EmailDeliveryException(HttpStatusCode.RequestTimeout, $"SendGrid did not answer within {after.TotalSeconds:0.#} s");
