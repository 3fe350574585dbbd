using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Support;

/// <summary>What a form service, a person clicking links and an admin script do, over HTTP, against a host; mail is read
/// from <paramref name="mailHttp"/>'s sink (<c>/dev/mail</c>), the host itself when not given.</summary>
public sealed partial class WgeoClient(HttpClient http, string webhookSecret, string adminKey, HttpClient? mailHttp = null)
{
    public HttpClient Http => http;

    public string WebhookSecret => webhookSecret;
    public string AdminKey => adminKey;

    public async Task<HttpResponseMessage> SubmitAsync(JsonObject payload, DateTimeOffset? at = null)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add("X-Wgeo-Timestamp", timestamp);
        message.Headers.Add("X-Wgeo-Signature", WebhookSignature.Compute(webhookSecret, timestamp, body));
        return await http.SendAsync(message);
    }

    public async Task<JsonElement> AdminGetAsync(string path)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        message.Headers.Add("X-Wgeo-Admin-Key", adminKey);
        using var response = await http.SendAsync(message);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Sends an admin call with a JSON body (an empty one, still application/json, when <paramref name="json"/> is null); without the key when
    /// <paramref name="withKey"/> is false.</summary>
    public async Task<HttpResponseMessage> AdminSendAsync(HttpMethod method, string path, object? json = null, bool withKey = true)
    {
        using var message = new HttpRequestMessage(method, path);
        if (withKey) message.Headers.Add("X-Wgeo-Admin-Key", adminKey);
        if (json is not null) message.Content = JsonContent.Create(json, options: JsonSerializerOptions.Web);
        // Admin changes take application/json only, a body or not.
        else if (method != HttpMethod.Get) message.Content = new StringContent("", Encoding.UTF8, "application/json");
        return await http.SendAsync(message);
    }

    /// <summary>Submits <paramref name="payload"/> and returns the new request's id.</summary>
    public async Task<string> SubmitNewAsync(JsonObject payload)
    {
        using var response = await SubmitAsync(payload);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;
    }

    /// <summary>The timeline of the request's admin detail as (actor, action, detail) rows.</summary>
    public async Task<IReadOnlyList<(string Actor, string Action, string Detail)>> TimelineAsync(string requestId) =>
        (await AdminGetAsync($"/api/admin/requests/{requestId}")).GetProperty("timeline").EnumerateArray()
            .Select(t => (t.GetProperty("actor").GetString()!, t.GetProperty("action").GetString()!,
                t.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : ""))
            .ToList();

    public async Task<string> StatusOfAsync(string requestId) =>
        (await AdminGetAsync($"/api/admin/requests/{requestId}")).GetProperty("status").GetString()!;

    /// <summary>Polls the admin detail until the request has <paramref name="status"/>; fails with the last detail seen.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string requestId, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonElement detail = default;
        while (DateTime.UtcNow < deadline)
        {
            detail = await AdminGetAsync($"/api/admin/requests/{requestId}");
            if (detail.GetProperty("status").GetString() == status) return detail;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Request {requestId} did not reach {status}. Last detail: {detail}");
    }

    public async Task<IReadOnlyList<SinkMail>> MailsAsync()
    {
        var mails = await (mailHttp ?? http).GetFromJsonAsync<List<SinkMail>>("/dev/mail", JsonSerializerOptions.Web);
        return mails ?? [];
    }

    /// <summary>Waits for a mail about <paramref name="requestId"/> that matches; mails name their request's reference number.</summary>
    public async Task<SinkMail> WaitForMailAsync(string requestId, Func<SinkMail, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var found = (await MailsAsync()).FirstOrDefault(m => m.Text.Contains(requestId, StringComparison.Ordinal) && match(m));
            if (found is not null) return found;
            await Task.Delay(200);
        }
        var seen = (await MailsAsync()).Where(m => m.Text.Contains(requestId, StringComparison.Ordinal)).Select(m => $"{string.Join(",", m.To)}: {m.Subject}");
        throw new TimeoutException($"No mail '{what}' for {requestId}. Mails about it: {string.Join(" | ", seen)}");
    }

    public async Task<IReadOnlyList<SinkMail>> MailsAboutAsync(string requestId) =>
        (await MailsAsync()).Where(m => m.Text.Contains(requestId, StringComparison.Ordinal)).ToList();

    /// <summary>The first link of <paramref name="kind"/> (review, update, offer) in a mail, made relative to the host.</summary>
    public static string LinkIn(SinkMail mail, string kind)
    {
        var match = LinkPattern().Matches(mail.Text).FirstOrDefault(m => m.Groups["kind"].Value == kind)
            ?? throw new InvalidOperationException($"No {kind} link in mail '{mail.Subject}': {mail.Text}");
        return new Uri(match.Value).PathAndQuery;
    }

    public static bool LinkPatternMatches(SinkMail mail, string kind) =>
        LinkPattern().Matches(mail.Text).Any(m => m.Groups["kind"].Value == kind);

    /// <summary>Accepts every offer of the request as it arrives until the request is Matched — one offer for a one-to-one
    /// match, two for a triangle (a technical partner and a funder). Returns the offer mails answered.</summary>
    public async Task<IReadOnlyList<SinkMail>> AcceptOffersUntilMatchedAsync(string requestId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var accepted = new List<SinkMail>();
        while (DateTime.UtcNow < deadline)
        {
            foreach (var offer in (await MailsAboutAsync(requestId)).Where(m => LinkPatternMatches(m, "offer") && accepted.All(a => a.Id != m.Id)))
            {
                using var response = await PostFormAsync(LinkIn(offer, "offer"), ("response", "accept"));
                // 410: another partner of the same side accepted first and the offer was closed.
                if (response.StatusCode != System.Net.HttpStatusCode.Gone) response.EnsureSuccessStatusCode();
                accepted.Add(offer);
            }
            if (accepted.Count > 0 && await StatusOfAsync(requestId) == "Matched") return accepted;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Request {requestId} was not Matched after accepting {accepted.Count} offer(s).");
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    [GeneratedRegex(@"https?://[^\s""<>]+/api/(?<kind>review|update|offer|confirm)/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();
}

public sealed record SinkMail(string Id, IReadOnlyList<string> To, string Subject, string Text, string Html, DateTimeOffset ReceivedAt);
