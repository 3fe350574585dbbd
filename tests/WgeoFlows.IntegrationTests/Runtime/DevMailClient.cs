using System.Net.Http.Json;
using SendGrid;
using SendGrid.Helpers.Mail;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Runtime;

/// <summary>The shape of <c>GET /dev/mail</c> items.</summary>
public sealed record DevMailItem(
    string Id, string[] To, string From, string Subject, string? Text, string? Html, DateTimeOffset ReceivedAt,
    Dictionary<string, string> CustomArgs);

/// <summary>Sends with the real SendGrid client into a local host's sink and reads its mailbox back.</summary>
public static class DevMailClient
{
    public const string DevelopmentApiKey = "SG.local-sink";

    public static SendGridClient SendGridFor(LocalHostProcess host, string apiKey = DevelopmentApiKey) =>
        new(new SendGridClientOptions { ApiKey = apiKey, Host = host.BaseUrl.ToString().TrimEnd('/') });

    public static async Task<Response> SendAsync(LocalHostProcess host, string to, string subject, string text, string? html = null)
    {
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress("noreply@wgeoflows.example", "WGEO Partnership"), new EmailAddress(to), subject, text, html);
        return await SendGridFor(host).SendEmailAsync(message, TestContext.Current.CancellationToken);
    }

    public static async Task<DevMailItem[]> ListAsync(LocalHostProcess host) =>
        await host.Http.GetFromJsonAsync<DevMailItem[]>("/dev/mail", TestContext.Current.CancellationToken) ?? [];
}
