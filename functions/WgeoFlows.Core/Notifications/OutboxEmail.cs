namespace WgeoFlows.Notifications;

/// <summary>Where a mail is. Pending until SendGrid accepted it; the last four come later from SendGrid's event webhook.</summary>
public enum EmailState
{
    Pending,
    Sent,
    Delivered,
    Bounced,
    Dropped,
    Spam,
}

/// <summary>One mail of a request's outbox, as the admin detail view shows it.</summary>
public sealed record OutboxEmail(
    string MessageKey,
    IReadOnlyList<string> To,
    string Subject,
    string Template,
    string Language,
    EmailState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    int Attempts,
    string? LastError,
    DateTimeOffset? StateChangedAt);
