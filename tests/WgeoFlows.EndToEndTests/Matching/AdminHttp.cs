using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Matching;

/// <summary>What an admin script does with the partner registry, and where the follow-up form's link is in a mail.</summary>
internal static partial class AdminHttp
{
    public static async Task<HttpResponseMessage> SendAsync(WgeoClient client, HttpMethod method, string path, HttpContent? content = null,
        bool withKey = true)
    {
        // Admin changes take application/json only, a body or not (a DELETE too).
        using var message = new HttpRequestMessage(method, path)
        {
            Content = content ?? (method == HttpMethod.Get ? null : new StringContent("", Encoding.UTF8, "application/json")),
        };
        if (withKey) message.Headers.Add("X-Wgeo-Admin-Key", client.AdminKey);
        return await client.Http.SendAsync(message, TestContext.Current.CancellationToken);
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    public static async Task<JsonElement> GetPartnerAsync(WgeoClient client, string id)
    {
        using var response = await SendAsync(client, HttpMethod.Get, $"/api/admin/partners/{id}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>The follow-up form link of a mail, relative to the host.</summary>
    public static string FollowUpLinkIn(SinkMail mail) =>
        new Uri(FollowUpLink().Match(mail.Text) is { Success: true } m ? m.Value
            : throw new InvalidOperationException($"No follow-up link in mail '{mail.Subject}': {mail.Text}")).PathAndQuery;

    public static bool HasFollowUpLink(SinkMail mail) => FollowUpLink().IsMatch(mail.Text);

    [GeneratedRegex(@"https?://[^\s""<>]+/api/followup/[A-Za-z0-9_\-\.]+")]
    private static partial Regex FollowUpLink();
}
