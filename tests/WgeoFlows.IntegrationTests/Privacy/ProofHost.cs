using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WgeoFlows.Admin.MailEvents;
using WgeoFlows.Intake;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;

namespace WgeoFlows.Tests.Privacy;

/// <summary>
/// An Azurite of the class's own and the real local host on it (a child process: the Durable Task sidecar on the Azure
/// Storage backend, so the orchestrations' instances, histories and payloads are in the account's own tables and
/// containers), with review, follow-up and impact settings of seconds, and what a form service, the people clicking their
/// links and an admin's script do over HTTP.
/// </summary>
public abstract partial class ProofHost : IAsyncLifetime
{
    public const string WebhookSecret = "proof-webhook-secret";
    public const string AdminKey = "proof-admin-key";
    public const string Reviewer = "cities.lead@example.org";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalHostProcess Host { get; private set; } = null!;
    private HttpClient Http => Host.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Settings of the test class on top of the common ones.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public async ValueTask InitializeAsync()
    {
        Storage = await AzuriteInstance.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Intake:WebhookSecret"] = WebhookSecret,
            ["Admin:ApiKey"] = AdminKey,
            ["SendGrid:EventWebhookPublicKey"] = SendGridSigner.PublicKey,
            ["Review:ReminderAfter"] = "1.00:00:00",
            ["Review:EscalateAfter"] = "2.00:00:00",
            ["Matching:CandidatesPerRound"] = "1",
            ["FollowUp:After"] = "00:00:01",
            ["FollowUp:AnswerWithin"] = "00:01:00",
            // Every figure shown, read afresh on every call: the comparison before and after sees the stored counters.
            ["Impact:MinimumCount"] = "1",
            ["Impact:CacheFor"] = "00:00:00",
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        Host = await LocalHostProcess.StartAsync(Storage, settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (Storage is not null) await Storage.DisposeAsync();
    }

    /// <summary>A request of <paramref name="person"/>'s, with their name, address and phrase in its texts, an answer to its
    /// attachments, and a text file that holds them too.</summary>
    public async Task<string> SubmitAsync(ProofPerson person, string submissionId, bool consent = false)
    {
        var payload = SamplePayloads.Valid(submissionId);
        payload["contact"] = new JsonObject { ["name"] = person.Name, ["email"] = person.Email, ["language"] = "en" };
        payload["organization"]!["name"] = $"Cooperativa del Sol {person.Tag}";
        var request = payload["request"]!.AsObject();
        request["title"] = $"Solar mini-grids: {person.Phrase}";
        request["description"] = $"{person.Name} writes: {person.Phrase}. Reach me at {person.Email}.";
        request["thematicAreas"] = new JsonArray("renewable-energy");
        request["supportTypes"] = new JsonArray("technical-assistance");
        payload["consentToPublish"] = consent;
        payload["attachments"] = new JsonArray(
            SamplePayloads.Attachment($"notes Qüixbottom-{person.Tag}.txt", "text/plain",
                Encoding.UTF8.GetBytes($"{person.Name}\n{person.Email}\n{person.Phrase}\n")),
            SamplePayloads.Attachment("concept-note.pdf", "application/pdf", SamplePayloads.PdfBytes));

        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add("X-Wgeo-Timestamp", timestamp);
        message.Headers.Add("X-Wgeo-Signature", WebhookSignature.Compute(WebhookSecret, timestamp, body));
        using var response = await Http.SendAsync(message, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
    }

    public async Task<JsonElement> AdminGetAsync(string path)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        message.Headers.Add("X-Wgeo-Admin-Key", AdminKey);
        using var response = await Http.SendAsync(message, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> AdminPostAsync(string path, object body)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        message.Headers.Add("X-Wgeo-Admin-Key", AdminKey);
        using var response = await Http.SendAsync(message, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<string> ImpactDataAsync() => Http.GetStringAsync("/api/impact/data.csv", Ct);

    /// <summary>The dashboard's counts (per status, platform and week), without the parts that move with the clock.</summary>
    public async Task<string> AdminCountsAsync()
    {
        var summary = await AdminGetAsync("/api/admin/summary");
        return string.Join("\n", new[] { "counts", "perPlatform", "perWeek" }.Select(p => $"{p}: {summary.GetProperty(p).GetRawText()}"));
    }

    /// <summary>Polls the admin detail until the request has <paramref name="status"/> and its orchestration has stopped.</summary>
    public async Task WaitForFinalAsync(string requestId, string status)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonElement detail = default;
        while (DateTime.UtcNow < deadline)
        {
            detail = await AdminGetAsync($"/api/admin/requests/{requestId}");
            var runtime = detail.TryGetProperty("orchestration", out var o) && o.ValueKind == JsonValueKind.Object
                ? o.GetProperty("runtimeStatus").GetString() : null;
            if (detail.GetProperty("status").GetString() == status && runtime is "Completed" or "Terminated") return;
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"Request {requestId} did not end {status}. Last detail: {detail}");
    }

    public async Task<IReadOnlyList<SinkMail>> MailsAsync() =>
        await Http.GetFromJsonAsync<List<SinkMail>>("/dev/mail", JsonSerializerOptions.Web, Ct) ?? [];

    /// <summary>Waits for a mail about <paramref name="requestId"/> (mails name their reference number) that matches.</summary>
    public async Task<SinkMail> WaitForMailAsync(string requestId, Func<SinkMail, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var found = (await MailsAsync()).FirstOrDefault(m => m.Text.Contains(requestId, StringComparison.Ordinal) && match(m));
            if (found is not null) return found;
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException($"No mail '{what}' for {requestId}.");
    }

    /// <summary>Waits for a mail about the request with a link of <paramref name="kind"/> that is not one of <paramref name="used"/>.</summary>
    public async Task<string> WaitForLinkAsync(string requestId, string kind, ISet<string> used, Func<SinkMail, bool>? to = null)
    {
        var mail = await WaitForMailAsync(requestId, m => (to ?? (_ => true))(m) && Links(m, kind).Any(l => !used.Contains(l)), $"{kind} link");
        var link = Links(mail, kind).First(l => !used.Contains(l));
        used.Add(link);
        return link;
    }

    public async Task PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        using var response = await Http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    /// <summary>SendGrid reports the acknowledgement as bounced: the request's timeline and flags record it, with the address
    /// and SendGrid's reason (which here names the person).</summary>
    public async Task PostBounceAsync(ProofPerson person, string requestId)
    {
        var body = new JsonArray(new JsonObject
        {
            ["email"] = person.Email,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["event"] = "bounce",
            ["sg_event_id"] = $"{requestId}-bounce",
            ["reason"] = $"550 5.1.1 mailbox of {person.Name} is full",
            ["requestId"] = requestId,
            ["messageKey"] = "ack",
        }).ToJsonString();
        var (signature, timestamp) = SendGridSigner.Sign(body, DateTimeOffset.UtcNow);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/sendgrid/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add(SendGridSignature.SignatureHeader, signature);
        message.Headers.Add(SendGridSignature.TimestampHeader, timestamp);
        using var response = await Http.SendAsync(message, Ct);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("recorded").GetInt32().ShouldBe(1);
    }

    private static IEnumerable<string> Links(SinkMail mail, string kind) =>
        LinkPattern().Matches(mail.Text).Where(m => m.Groups["kind"].Value == kind).Select(m => new Uri(m.Value).PathAndQuery);

    [GeneratedRegex(@"https?://[^\s""<>]+/api/(?<kind>review|update|offer|followup)/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();
}

/// <summary>A mail the local sink received (<c>GET /dev/mail</c>).</summary>
public sealed record SinkMail(string Id, IReadOnlyList<string> To, string Subject, string Text);
