namespace WgeoFlows.Notifications;

public sealed record EmailRecipient(string Email, string? Name);

public sealed record EmailCommand(
    string RequestId,
    string MessageKey,
    string Template,
    string Language,
    IReadOnlyList<EmailRecipient> To,
    IReadOnlyDictionary<string, string> Values);

public sealed record EmailOutcome(string MessageKey, bool AlreadySent, string Subject);
