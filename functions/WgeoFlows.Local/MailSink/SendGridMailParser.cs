namespace WgeoFlows.Local.MailSink;

/// <summary>
/// Turns a v3 mail/send body into the emails it would deliver, refusing what SendGrid itself refuses
/// (no recipient, no sender, no subject, no content), so that a bug shows here and not only in Azure.
/// </summary>
public static class SendGridMailParser
{
    public sealed record Refusal(string Field, string Message);

    public static (IReadOnlyList<DevMail> Mails, Refusal? Refusal) Parse(SendGridMailRequest request, DateTimeOffset receivedAt)
    {
        if (request.TemplateId is not null)
        {
            return ([], new Refusal("template_id", "The local mail sink cannot render SendGrid dynamic templates; send subject and content."));
        }
        if (request.Personalizations is not { Count: > 0 } personalizations)
        {
            return ([], new Refusal("personalizations", "The personalizations field is required and must have at least one personalization."));
        }
        if (!IsEmail(request.From?.Email))
        {
            return ([], new Refusal("from.email", "The from object must be provided for every email send and have a valid email address."));
        }
        var text = Body(request, "text/plain");
        var html = Body(request, "text/html");
        if (text is null && html is null)
        {
            return ([], new Refusal("content", "Unless a valid template_id is provided, the content parameter is required."));
        }

        var mails = new List<DevMail>(personalizations.Count);
        for (var i = 0; i < personalizations.Count; i++)
        {
            var p = personalizations[i];
            if (p.To is not { Count: > 0 } to || !to.All(a => IsEmail(a.Email)))
            {
                return ([], new Refusal($"personalizations.{i}.to", "Each personalization needs at least one recipient with a valid email address."));
            }
            var subject = p.Subject ?? request.Subject;
            if (string.IsNullOrWhiteSpace(subject))
            {
                return ([], new Refusal("subject", "The subject is required. You can get around this requirement if you use a template with a subject defined."));
            }
            var customArgs = new Dictionary<string, string>(request.CustomArgs ?? [], StringComparer.Ordinal);
            foreach (var (key, value) in p.CustomArgs ?? []) customArgs[key] = value;

            mails.Add(new DevMail(
                Guid.NewGuid().ToString("N"),
                [.. to.Select(a => a.Email!)],
                request.From!.Email!,
                subject,
                text,
                html,
                receivedAt,
                customArgs));
        }
        return (mails, null);
    }

    private static string? Body(SendGridMailRequest request, string type) =>
        request.Content?.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase))?.Value;

    private static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.IndexOf('@') is > 0 and var at && at < value.Length - 1;
}
