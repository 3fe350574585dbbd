using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Matching;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Matching;

[CollectionDefinition(Name)]
public sealed class MatchingStackCollection : ICollectionFixture<MatchingStack>
{
    public const string Name = "matching stack";
}

/// <summary>
/// A local host of its own for the matching tests: offer and follow-up timers of seconds, one candidate per round, two
/// rounds, and a hand-made FICTIONAL registry stored before the host starts (so the sample registry is not loaded).
/// Each scenario asks for its own thematic area, which only its own partners cover: scenarios never compete for a partner.
/// </summary>
public sealed class MatchingStack : IAsyncLifetime
{
    // Long enough for a test on a loaded 2-core machine to read the offer mail and answer inside the round.
    public static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(20);

    // Scores for a requester in Kenya writing in English and preferring africa/asia, with the default weights:
    // *-first 100 (every criterion), *-second 90 (not in English); funders outside the South: first 80, second 70.
    public const string Registry = """
        id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email,active
        bio-first,Bio First (fictional),civil-society,KE,provider,biodiversity,capacity-building,en,2,bio-first@example.org,true
        bio-second,Bio Second (fictional),civil-society,KE,provider,biodiversity,capacity-building,fr,2,bio-second@example.org,true
        bio-admin,Bio Admin Choice (fictional),academia-youth,GH,provider,green-jobs-skills,capacity-building,en,1,bio-admin@example.org,true
        tour-first,Tour First (fictional),private-sector,KE,provider,sustainable-tourism,knowledge-exchange,en,1,tour-first@example.org,true
        tour-second,Tour Second (fictional),private-sector,KE,provider,sustainable-tourism,knowledge-exchange,fr,1,tour-second@example.org,true
        ind-tech,Industry Tech (fictional),private-sector,KE,provider,green-industry,technical-assistance,en,2,ind-tech@example.org,true
        ind-fund-first,Industry Fund First (fictional),financial-sector,DE,funder,green-industry,financing,en,2,ind-fund-first@example.net,true
        ind-fund-second,Industry Fund Second (fictional),financial-sector,FR,funder,green-industry,financing,fr,2,ind-fund-second@example.net,true
        circ-one,Circular One (fictional),cities,KE,provider,circular-economy,capacity-building,en,1,circ-one@example.org,true
        water-one,Water One (fictional),cities,KE,provider,water-management,capacity-building,en,1,water-one@example.org,true
        """;

    public const string Requester = "amina@example.org";
    public const string Reviewer = "cities.lead@example.org";
    public const string Admin = "secretariat@example.org";

    private ServiceProvider? _durableServices;

    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalHostProcess Host { get; private set; } = null!;
    public WgeoClient Client { get; private set; } = null!;

    /// <summary>A Durable Task client on the host's sidecar: raises the admin's AdminMatch event as the admin action does.</summary>
    public DurableTaskClient Durable { get; private set; } = null!;

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

        var sidecarPort = FreePort.Next();
        Host = await LocalHostProcess.StartAsync(Storage, new Dictionary<string, string?>
        {
            ["Intake:WebhookSecret"] = LocalStack.WebhookSecret,
            ["Admin:ApiKey"] = LocalStack.AdminKey,
            ["Admin:NotifyEmails:0"] = Admin,
            ["Durable:SidecarPort"] = sidecarPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Matching:OfferTimeout"] = OfferTimeout.ToString(),
            ["Matching:CandidatesPerRound"] = "1",
            ["Matching:MaxRounds"] = "2",
            ["FollowUp:After"] = "00:00:02",
            ["FollowUp:AnswerWithin"] = AnswerWithin.ToString(),
        });
        Client = new WgeoClient(Host.Http, LocalStack.WebhookSecret, LocalStack.AdminKey);

        _durableServices = new ServiceCollection()
            .AddLogging()
            .AddDurableTaskClient(b => b.UseGrpc(GrpcChannel.ForAddress($"http://127.0.0.1:{sidecarPort}")))
            .BuildServiceProvider();
        Durable = _durableServices.GetRequiredService<DurableTaskClient>();
    }

    public async ValueTask DisposeAsync()
    {
        if (_durableServices is not null) await _durableServices.DisposeAsync();
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

    /// <summary>What <c>POST /api/admin/requests/{id}/match</c> does: raise the AdminMatch event the matching step waits for.</summary>
    public Task RaiseAdminMatchAsync(string requestId, string partnerId) =>
        Durable.RaiseEventAsync(requestId, WorkflowNames.Events.AdminMatch, new AdminMatchEvent(partnerId, "e2e-admin", DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);

    public static List<string?> Actions(JsonElement detail) =>
        [.. detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString())];
}
