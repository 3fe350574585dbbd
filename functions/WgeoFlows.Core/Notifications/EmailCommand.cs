using WgeoFlows.Shared;

namespace WgeoFlows.Notifications;

public sealed record EmailRecipient(string Email, string? Name);

/// <summary>
/// What an orchestrator passes to the SendEmail activity. <see cref="MessageKey"/> is deterministic and unique per
/// mail (e.g. "ack", "review|stage-1|r0|amina@x.org"): it keys the outbox row, so a replayed or retried activity
/// never mails twice. <see cref="Values"/> carries the template's links, comments and reasons (reasons joined with '\n');
/// <see cref="EmailTemplates.RequiredValues"/> names the keys each template needs.
/// </summary>
public sealed record EmailCommand(
    string RequestId,
    string MessageKey,
    string Template,
    string Language,
    IReadOnlyList<EmailRecipient> To,
    IReadOnlyDictionary<string, string> Values) : IHasRequestId;

public sealed record EmailOutcome(string MessageKey, bool AlreadySent, string Subject);
