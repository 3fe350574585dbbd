using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Hosting;
using WgeoFlows.Matching;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Admin;
using WgeoFlows.Tests.Notifications;
using WgeoFlows.Web.Routing;

namespace WgeoFlows.Tests.Privacy;

/// <summary>
/// Azurite and Core wired as the hosts wire it, on Durable's in-memory test backend: the erasure's pieces against real
/// storage and a real orchestration client, in seconds. <see cref="WaitingOrchestration"/> stands for a workflow that is
/// still running (it waits for an event that never comes).
/// </summary>
public sealed class PrivacyStack : IAsyncLifetime
{
    public const string WaitingOrchestration = "PrivacyTestWaiting";
    public const string LinkSigningKey = "privacy-link-signing-key";

    private AzuriteInstance? _azurite;
    private DurableTaskTestHost? _durable;

    public SendGridSink Mail { get; } = new();
    public AzuriteInstance Azurite => _azurite!;
    public IServiceProvider Services => _durable!.Services;
    public DurableTaskClient Durable => _durable!.Client;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync(Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Admin:ApiKey"] = AdminTestData.AdminKey,
            ["Intake:WebhookSecret"] = "privacy-webhook-secret",
            ["Links:SigningKey"] = LinkSigningKey,
            ["Admin:NotifyEmails:0"] = "secretariat@example.org",
            ["SendGrid:ApiKey"] = "SG.test",
            ["SendGrid:Host"] = Mail.Url,
            ["PublicBaseUrl"] = "https://wgeo.example",
        }).Build();
        _durable = await DurableTaskTestHost.StartAsync(
            registry => registry.AddWgeoFlowsWorkflow()
                .AddOrchestratorFunc<string, string>(WaitingOrchestration, async (context, input) =>
                    await context.WaitForExternalEvent<string>("never") + input),
            new DurableTaskTestHostOptions
            {
                // The test host's own default is a random port in 30000-40000 that nothing checks, inside Linux's ephemeral
                // range where Azurite and the other parallel tests' hosts listen: take one the operating system says is free.
                Port = FreePort.Next(),
                ConfigureServices = services => services.AddSingleton<IConfiguration>(configuration).AddWgeoFlowsCore(configuration).AddLogging(),
            },
            Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_durable is not null) await _durable.DisposeAsync();
        await Mail.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    /// <summary>A stored request in <paramref name="status"/>, with its listing rows, as the workflow leaves it there.</summary>
    public async Task<SupportRequest> RequestAsync(RequestStatus status, string email = "amina@example.org", string name = "Amina Otieno")
    {
        var request = AdminTestData.Request(AdminTestData.NewId()) with { Contact = new Contact(name, email, "en") };
        (await Get<RequestStore>().TryAddAsync(request, Ct)).ShouldBeTrue();
        var index = Get<AdminIndexStore>();
        await index.RecordAsync(AdminTestData.Item(request, RequestStatus.Received, request.SubmittedAt), null, Ct);
        if (status != RequestStatus.Received)
        {
            await Get<RequestStore>().UpdateAsync(request.RequestId, r => r with { Status = status }, Ct);
            await index.RecordAsync(AdminTestData.Item(request, status, DateTimeOffset.UtcNow), RequestStatus.Received, Ct);
        }
        return request with { Status = status };
    }

    public async Task<Partner> PartnerAsync(string email, int capacity = 2)
    {
        var partner = new Partner
        {
            Id = "p-" + Guid.NewGuid().ToString("N")[..10],
            Name = "Solar Partner (fictional)",
            Platform = "cities",
            Country = "BR",
            Region = "latin-america-caribbean",
            GlobalSouth = true,
            Role = PartnerRole.Provider,
            ThematicAreas = ["renewable-energy"],
            SupportTypes = ["technical-assistance"],
            Languages = ["en"],
            Capacity = capacity,
            Email = email,
        };
        await Get<PartnerStore>().UpsertAsync(partner, Ct);
        return partner;
    }

    /// <summary>Calls <paramref name="route"/> as a host does (its guard first), and reads the status and the JSON body.</summary>
    public async Task<(int Status, System.Text.Json.JsonElement Body)> CallAsync(ApiRoute route, IReadOnlyDictionary<string, string> values,
        string method, string? body, string contentType = "application/json", bool withKey = true, params (string Name, string Value)[] headers)
    {
        var all = headers.ToList();
        if (withKey) all.Add(("X-Wgeo-Admin-Key", AdminTestData.AdminKey));
        var http = AdminTestData.Http(Services, method, body, headers: [.. all]);
        if (body is not null) http.Request.ContentType = contentType;
        var call = new RouteCall(http, Services, name => values.GetValueOrDefault(name), Durable, Ct);
        return await AdminTestData.AnswerAsync(await route.RunAsync(call), http);
    }
}
