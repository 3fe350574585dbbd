namespace WgeoFlows.Local.MailSink;

// The part of SendGrid's v3 mail/send body (what SendGridMessage.Serialize() writes) that the sink keeps.
// Property names are SendGrid's snake_case; unknown properties are ignored, as SendGrid-specific settings
// (tracking, sandbox mode, categories) mean nothing locally.

public sealed class SendGridMailRequest
{
    public List<SendGridPersonalization>? Personalizations { get; set; }
    public SendGridAddress? From { get; set; }
    public string? Subject { get; set; }
    public List<SendGridContent>? Content { get; set; }
    public Dictionary<string, string>? CustomArgs { get; set; }
    public string? TemplateId { get; set; }
}

public sealed class SendGridPersonalization
{
    public List<SendGridAddress>? To { get; set; }
    public string? Subject { get; set; }
    public Dictionary<string, string>? CustomArgs { get; set; }
}

public sealed class SendGridAddress
{
    public string? Email { get; set; }
    public string? Name { get; set; }
}

public sealed class SendGridContent
{
    public string? Type { get; set; }
    public string? Value { get; set; }
}
