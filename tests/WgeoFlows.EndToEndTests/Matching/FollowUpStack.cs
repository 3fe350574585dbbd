using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Matching;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Matching;

/// <summary>
/// A local host of its own for the follow-up tests: a follow-up timer of seconds, and a hand-made FICTIONAL registry stored
/// before the host starts (so the sample registry is not loaded), in which a scenario's thematic area is covered by its own
/// partner alone: that partner gets the offer, and its capacity can be read before and after.
/// </summary>
public sealed class FollowUpStack : IAsyncLifetime
{
    public const string Registry = """
        id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email,active
        circ-one,Circular One (fictional),cities,KE,provider,circular-economy,capacity-building,en,1,circ-one@example.org,true
        """;

    public const string Requester = "amina@example.org";
    public const string Reviewer = "cities.lead@example.org";

    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalHostProcess Host { get; private set; } = null!;
    public WgeoClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Storage = await AzuriteInstance.StartAsync();
        var store = new PartnerStore(new StorageClients(Options.Create(new StorageOptions { ConnectionString = Storage.ConnectionString })),
            TimeProvider.System);
        var report = await new PartnerCsvImporter(store).ImportAsync(Registry);
        if (report.FileError is not null || report.Rejected > 0)
        {
            throw new InvalidOperationException($"The test registry does not import: {report.FileError} {JsonSerializer.Serialize(report.Rows)}");
        }

        Host = await LocalHostProcess.StartAsync(Storage, new Dictionary<string, string?>
        {
            ["Intake:WebhookSecret"] = LocalStack.WebhookSecret,
            ["Admin:ApiKey"] = LocalStack.AdminKey,
            ["Admin:NotifyEmails:0"] = "secretariat@example.org",
            // No test here waits for an offer round or a follow-up form to time out: those timers stay far away.
            ["Matching:OfferTimeout"] = "01:00:00",
            ["FollowUp:After"] = "00:00:02",
            ["FollowUp:AnswerWithin"] = "01:00:00",
        });
        Client = new WgeoClient(Host.Http, LocalStack.WebhookSecret, LocalStack.AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (Storage is not null) await Storage.DisposeAsync();
    }

    /// <summary>Submits the contract's example with <paramref name="thematic"/> and <paramref name="support"/>, approves its
    /// review, and returns the request id once matching has started.</summary>
    public async Task<string> SubmitApprovedAsync(string submissionId, string[] thematic, string[] support)
    {
        var payload = SamplePayloads.Valid(submissionId);
        var request = payload["request"]!.AsObject();
        request["thematicAreas"] = new JsonArray([.. thematic.Select(t => JsonValue.Create(t))]);
        request["supportTypes"] = new JsonArray([.. support.Select(t => JsonValue.Create(t))]);
        using var submitted = await Client.SubmitAsync(payload);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))
            .GetProperty("requestId").GetString()!;
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Reviewer), "review request");
        using var approve = await Client.PostFormAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve"));
        approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        return requestId;
    }

    public Task<SinkMail> WaitForOfferToAsync(string requestId, string partnerEmail) =>
        Client.WaitForMailAsync(requestId, m => m.To.Contains(partnerEmail) && WgeoClient.LinkPatternMatches(m, "offer"), $"offer to {partnerEmail}");

    public async Task AnswerOfferAsync(SinkMail offer, string response)
    {
        using var answered = await Client.PostFormAsync(WgeoClient.LinkIn(offer, "offer"), ("response", response));
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
