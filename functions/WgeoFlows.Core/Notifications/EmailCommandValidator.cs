using System.Net.Mail;

namespace WgeoFlows.Notifications;

/// <summary>Refuses a command that cannot make a correct mail, with a message naming what is wrong.</summary>
public static class EmailCommandValidator
{
    // Table Storage forbids these in a RowKey; the message key becomes part of one.
    private static readonly char[] ForbiddenInKey = ['/', '\\', '#', '?'];

    /// <exception cref="ArgumentException">The command is not valid; the message lists every problem.</exception>
    public static void Validate(EmailCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(command.RequestId)) problems.Add("RequestId is empty");
        if (string.IsNullOrWhiteSpace(command.MessageKey)) problems.Add("MessageKey is empty");
        else if (command.MessageKey.IndexOfAny(ForbiddenInKey) >= 0 || command.MessageKey.Any(char.IsControl) || command.MessageKey.Length > 500)
            problems.Add($"MessageKey '{command.MessageKey}' must be at most 500 characters without / \\ # ? or control characters");
        if (string.IsNullOrWhiteSpace(command.Language)) problems.Add("Language is empty");

        if (command.To is null || command.To.Count == 0) problems.Add("there is no recipient");
        else
        {
            foreach (var recipient in command.To.Where(r => !IsPlausibleAddress(r?.Email)))
            {
                problems.Add($"'{recipient?.Email}' is not an email address");
            }
        }

        if (!EmailTemplates.Exists(command.Template ?? "")) problems.Add($"there is no email template '{command.Template}'");
        else
        {
            var values = command.Values ?? new Dictionary<string, string>();
            var missing = EmailTemplates.RequiredValues(command.Template!).Where(k => !values.ContainsKey(k)).ToList();
            if (missing.Count > 0) problems.Add($"template '{command.Template}' needs the value(s) {string.Join(", ", missing)}");
            foreach (var (key, value) in values.Where(v => EmailValueKeys.IsLink(v.Key) && !IsWebLink(v.Value)))
            {
                problems.Add($"value '{key}' must be an absolute http(s) link, not '{value}'");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Email '{command.MessageKey}' of request '{command.RequestId}' is not valid: {string.Join("; ", problems)}.", nameof(command));
        }
    }

    private static bool IsPlausibleAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && email.Length <= 254
        && !email.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '<' or '>')
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.Host.Contains('.');

    private static bool IsWebLink(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
