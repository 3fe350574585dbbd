using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using WgeoFlows.Intake.Form;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Abuse;

/// <summary>
/// Someone scripts the built-in form to mail strangers: 1,000 form posts from one address, then 1,000 from 50 addresses,
/// aimed at 10 inboxes, against a local host with the production defaults (the form waits for confirmation; 30 form
/// requests per address per 10 minutes; 3 confirmation mails per inbox per day). The addresses are told apart by the
/// X-Forwarded-For of a configured loopback proxy. What must hold: at most 10 × 3 mails went out, each a confirmation;
/// nothing reached a reviewer; no answer was a 5xx; the host's memory stayed bounded.
/// </summary>
public sealed class PublicDoorAbuseTests : IAsyncLifetime
{
    private const string SigningKey = "abuse-link-signing-key";
    private const int Posts = 1000;
    private const int Inboxes = 10;
    private const int MaxPerInbox = 3;
    private AzuriteInstance _storage = null!;
    private LocalHostProcess _host = null!;
    private WgeoClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _storage = await AzuriteInstance.StartAsync();
        _host = await LocalHostProcess.StartAsync(_storage, new Dictionary<string, string?>
        {
            ["Intake:WebhookSecret"] = HostileStack.WebhookSecret,
            ["Links:SigningKey"] = SigningKey,
            ["Admin:ApiKey"] = HostileStack.AdminKey,
            ["Admin:NotifyEmails:0"] = "secretariat@example.org",
            ["RateLimits:TrustedProxies"] = "127.0.0.1,::1",
        });
        _client = new WgeoClient(_host.Http, HostileStack.WebhookSecret, HostileStack.AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_storage is not null) await _storage.DisposeAsync();
    }

    private static string Inbox(int i) => $"inbox-{i % Inboxes}@victims.example";

    private static long RssKiB(int pid)
    {
        var line = File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private async Task<HttpStatusCode> PostAsync(HttpClient http, string client, string inbox)
    {
        var cookie = FormToken.NewRandom();
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(FormToken.Issue(SigningKey, cookie, DateTimeOffset.UtcNow)), FormFields.Token);
        foreach (var (name, value) in new (string, string)[]
        {
            ("lang", "en"), ("organization.name", "Free prizes at spam.example"), ("organization.platform", "cities"),
            ("organization.country", "KE"), ("contact.name", "Claim your prize"), ("contact.email", inbox), ("contact.language", "en"),
            ("request.title", "You won: visit spam.example"), ("request.description", SamplePayloads.Description),
            ("request.thematicAreas", "renewable-energy"), ("request.supportTypes", "technical-assistance"),
        })
        {
            content.Add(new StringContent(value), name);
        }
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/form") { Content = content };
        message.Headers.Add("Cookie", $"{FormPageHandler.CookieName}={cookie}");
        message.Headers.Add("X-Forwarded-For", client);
        using var response = await http.SendAsync(message, Ct);
        return response.StatusCode;
    }

    private async Task<ConcurrentDictionary<HttpStatusCode, int>> FloodAsync(Func<int, string> clientOf)
    {
        var answers = new ConcurrentDictionary<HttpStatusCode, int>();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _host.BaseUrl };
        await Parallel.ForEachAsync(Enumerable.Range(0, Posts), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct },
            async (i, _) => answers.AddOrUpdate(await PostAsync(http, clientOf(i), Inbox(i)), 1, (_, n) => n + 1));
        return answers;
    }

    [Fact]
    public async Task A_thousand_form_posts_from_one_address_and_from_fifty_send_at_most_three_confirmations_per_inbox_and_nothing_else()
    {
        var pid = _host.ProcessId ?? throw new InvalidOperationException("The host is not running.");
        GC.KeepAlive(await _client.MailsAsync());
        var rssStart = RssKiB(pid);

        var fromOne = await FloodAsync(_ => "198.51.100.1");
        var fromFifty = await FloodAsync(i => $"203.0.113.{1 + i % 50}");

        // Each accepted post's orchestration lists its request, mails the confirmation and then waits for the link (for a
        // day, on the production defaults): once every accepted request is listed with its mail sent, every mail the
        // posts could cause is in the sink.
        var accepted = fromOne.GetValueOrDefault(HttpStatusCode.OK) + fromFifty.GetValueOrDefault(HttpStatusCode.OK);
        static IReadOnlyList<string> Ids(JsonElement listing) =>
            [.. listing.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("requestId").GetString()!)];
        static bool Mailed(IReadOnlyList<SinkMail> mails, string id) =>
            mails.Any(m => m.Subject.Contains(id, StringComparison.Ordinal) || m.Text.Contains(id, StringComparison.Ordinal));
        var (listed, mails) = await Poll.UntilAsync(
            async () => (Listing: await _client.AdminGetAsync("/api/admin/requests?pageSize=200"), Mails: await _client.MailsAsync()),
            seen => Ids(seen.Listing).Count >= accepted && Ids(seen.Listing).All(id => Mailed(seen.Mails, id)), TimeSpan.FromSeconds(120),
            $"all {accepted} accepted requests listed, each with its confirmation mailed",
            seen => $"{Ids(seen.Listing).Count} listed, {Ids(seen.Listing).Count(id => !Mailed(seen.Mails, id))} of them without a mail", Ct);
        var rssEnd = RssKiB(pid);
        var requests = listed.GetProperty("items").GetArrayLength();

        string Answers(ConcurrentDictionary<HttpStatusCode, int> a) =>
            string.Join(", ", a.OrderBy(p => p.Key).Select(p => $"{(int)p.Key}×{p.Value}"));
        Figures.Record($"Public-door abuse: {Posts} form posts from 1 address → {Answers(fromOne)}; {Posts} from 50 addresses → {Answers(fromFifty)}; " +
            $"{accepted} accepted, {requests} requests stored, {mails.Count} mails sent (limit {Inboxes * MaxPerInbox}), " +
            $"host RSS {rssStart / 1024} MiB at start, {rssEnd / 1024} MiB at end");

        fromOne.Keys.Concat(fromFifty.Keys).ShouldAllBe(s => (int)s < 500, "no 5xx");
        fromOne.GetValueOrDefault(HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(Posts - 30, "one address gets 30 form requests per 10 minutes");
        accepted.ShouldBeLessThanOrEqualTo(Inboxes * MaxPerInbox);
        requests.ShouldBe(accepted, "a refused post stores nothing");
        mails.Count.ShouldBeLessThanOrEqualTo(Inboxes * MaxPerInbox);
        mails.Count.ShouldBe(accepted);
        foreach (var group in mails.GroupBy(m => m.To.Single())) group.Count().ShouldBeLessThanOrEqualTo(MaxPerInbox, group.Key);
        mails.ShouldAllBe(m => m.Subject.StartsWith("Please confirm your support request", StringComparison.Ordinal));
        mails.ShouldAllBe(m => !m.Text.Contains("spam.example") && !m.Text.Contains("prize"));
        mails.ShouldAllBe(m => m.To.All(to => to.EndsWith("@victims.example", StringComparison.Ordinal)), "nothing reached a reviewer or the secretariat");
        listed.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("status").GetString() == "AwaitingConfirmation");
        (rssEnd - rssStart).ShouldBeLessThan(256 * 1024, "the host's memory stays bounded");
    }
}
