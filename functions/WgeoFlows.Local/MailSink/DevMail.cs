namespace WgeoFlows.Local.MailSink;

/// <summary>One email as a recipient would get it: SendGrid sends each personalization as its own email.</summary>
public sealed record DevMail(
    string Id,
    IReadOnlyList<string> To,
    string From,
    string Subject,
    string? Text,
    string? Html,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, string> CustomArgs);
