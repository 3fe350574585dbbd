using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WgeoFlows.Intake;
using WgeoFlows.Tests.Intake;

namespace WgeoFlows.Bench.Workflows;

/// <summary>
/// Drives one request of the product the way its people do: the form service posts the signed webhook, the reviewer
/// approves from the review mail's link, the partner accepts every offer from its mail's link, and the request is done
/// when the requester's introduction ("Good news") arrives.
/// </summary>
public sealed partial class ProductDriver(HttpClient http, MailWatcher mail, string webhookSecret)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);

    /// <summary>The contract's example without financing, so that it is matched one-to-one (financing makes a triangle).</summary>
    public static JsonObject OneToOnePayload(string submissionId)
    {
        var payload = SamplePayloads.Valid(submissionId);
        payload["request"]!["supportTypes"] = new JsonArray("technical-assistance");
        return payload;
    }

    public async Task RunOneAsync(string submissionId)
    {
        var requestId = await SubmitAsync(OneToOnePayload(submissionId));
        var review = await mail.WaitAsync(requestId, m => LinkOf(m, "review") is not null, StepTimeout);
        await PostAsync(LinkOf(review, "review")!, ("decision", "approve"), ("comment", "Benchmark approval."));

        var answered = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var next = await mail.WaitAsync(requestId, m => m.Subject.StartsWith("Good news", StringComparison.Ordinal)
                || (LinkOf(m, "offer") is not null && !answered.Contains(m.Id)), StepTimeout);
            if (next.Subject.StartsWith("Good news", StringComparison.Ordinal)) return;
            answered.Add(next.Id);
            await PostAsync(LinkOf(next, "offer")!, ("response", "accept"));
        }
    }

    private async Task<string> SubmitAsync(JsonObject payload)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        for (var attempt = 1; ; attempt++)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = new ByteArrayContent(body) };
            message.Content.Headers.ContentType = new("application/json");
            message.Headers.Add("X-Wgeo-Timestamp", timestamp);
            message.Headers.Add("X-Wgeo-Signature", WebhookSignature.Compute(webhookSecret, timestamp, body));
            using var response = await http.SendAsync(message);
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;
            }
            // A form service retries a 503 (storage busy); anything else is a failure of the run.
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                throw new InvalidOperationException($"Submission refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            await Task.Delay(TimeSpan.FromSeconds(attempt));
        }
    }

    private async Task PostAsync(string path, params (string Name, string Value)[] fields)
    {
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));
        // 410: the offer was closed because the other side's partner accepted first; nothing to decide.
        if (response.StatusCode != HttpStatusCode.Gone) response.EnsureSuccessStatusCode();
    }

    private static string? LinkOf(BenchMail mail, string kind)
    {
        var match = LinkPattern().Matches(mail.Text).FirstOrDefault(m => m.Groups["kind"].Value == kind);
        return match is null ? null : new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/api/(?<kind>review|update|offer)/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();
}
