using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin;

/// <summary>The local host runs the admin timers on their configured schedules: the history purge (with a tiny PurgeAfter)
/// and the daily digest, once however often its timer fires. Its own Azurite and host, for the schedules of seconds.</summary>
public sealed class AdminTimersTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnStack _stack = null!;

    private WgeoClient Client => _stack.Client;

    public async ValueTask InitializeAsync() => _stack = await OwnStack.StartAsync(new Dictionary<string, string?>
        {
            ["Admin:NotifyEmails:0"] = "digest-reader@example.org",
            ["Admin:PurgeSchedule"] = "*/2 * * * * *",
            ["Admin:PurgeAfter"] = "00:00:01",
            ["Admin:DigestSchedule"] = "*/3 * * * * *",
        });

    public ValueTask DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task A_finished_requests_history_is_purged_by_the_timer_and_the_digest_goes_out_once()
    {
        var payload = SamplePayloads.Valid("e2e-purge-timer");
        payload["request"]!["description"] = "Too short.";
        using var submitted = await Client.SubmitAsync(payload);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
        await Client.WaitForStatusAsync(requestId, "Rejected");

        // The job purges, then writes the timeline: wait for both.
        static List<string?> Actions(JsonElement detail) =>
            detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonElement detail;
        do
        {
            await Task.Delay(500, Ct);
            detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        }
        while ((detail.TryGetProperty("orchestration", out _) || !Actions(detail).Contains("orchestration history purged"))
            && DateTime.UtcNow < deadline);

        detail.TryGetProperty("orchestration", out _).ShouldBeFalse($"the history was not purged: {detail}");
        detail.GetProperty("status").GetString().ShouldBe("Rejected");
        Actions(detail).ShouldContain("orchestration history purged");
        Actions(detail).ShouldContain("not eligible");

        // The digest timer fired every 3 s all along: one digest for the day.
        await Task.Delay(TimeSpan.FromSeconds(4), Ct);
        var digests = (await Client.MailsAsync()).Where(m => m.Subject.StartsWith("WgeoFlows digest", StringComparison.Ordinal)).ToList();
        digests.ShouldHaveSingleItem().To.ShouldBe(["digest-reader@example.org"]);
    }
}
