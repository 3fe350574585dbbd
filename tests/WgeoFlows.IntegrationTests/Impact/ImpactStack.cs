using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Hosting;
using WgeoFlows.Intake;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Notifications;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Impact;

/// <summary>The real services on the class's Azurite, and a way to walk a request through its statuses the way the
/// workflow records them (RecordStatusActivity), with distinctive personal data that must never be published. Two stacks
/// on one Azurite are two instances of the app; <paramref name="clock"/> replaces the system clock of one.</summary>
internal sealed class ImpactStack(AzuriteFixture azurite, int minimumCount = 3, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    : IAsyncDisposable
{
    public const string AdminKey = "impact-test-admin-key";

    public static readonly DateTimeOffset Submitted = new(2026, 4, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, DateTimeOffset> _submitted = [];
    private ServiceProvider? _services;

    public SendGridSink Mail { get; } = new();

    public ServiceProvider Services => _services ??= Build();

    private ServiceProvider Build()
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = Mail.Url,
            ["Admin:ApiKey"] = AdminKey,
            ["Admin:NotifyEmails:0"] = "secretariat@example.org",
            ["PublicBaseUrl"] = "https://wgeo.example",
            ["Impact:MinimumCount"] = minimumCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var services = new ServiceCollection().AddLogging().AddWgeoFlowsCore(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        if (clock is not null) services.AddSingleton(clock);
        return services.BuildServiceProvider();
    }

    public static string ContactNameOf(string requestId) => "Zephyrine Quixbottom " + requestId[^6..];
    public static string EmailOf(string requestId) => $"zq.{requestId[^6..]}@private-mail.example";

    public async Task<string> SubmitAsync(string country = "KE", string platform = "cities", bool consent = false, DateTimeOffset? at = null)
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N")[..12];
        var submitted = at ?? Submitted;
        _submitted[requestId] = submitted;
        (await Services.GetRequiredService<RequestStore>().TryAddAsync(new SupportRequest
        {
            RequestId = requestId,
            SubmissionId = "form-" + requestId,
            SubmittedAt = submitted,
            Organization = new Organization("Organisation " + requestId[^6..], platform, country, null),
            Contact = new Contact(ContactNameOf(requestId), EmailOf(requestId), "en"),
            Title = "Solar mini-grids",
            Description = "Pilot mini-grids.",
            ThematicAreas = ["renewable-energy"],
            SupportTypes = ["technical-assistance"],
            ConsentToPublish = consent,
            Status = RequestStatus.Received,
            UpdatedAt = submitted,
        }, TestContext.Current.CancellationToken)).ShouldBeTrue();
        return requestId;
    }

    public async Task PartnerAsync(string id, bool publishable, string country = "BR", bool globalSouth = true, PartnerRole role = PartnerRole.Provider) =>
        await Services.GetRequiredService<PartnerStore>().UpsertAsync(new Partner
        {
            Id = id,
            Name = "Partner " + id,
            Platform = "cities",
            Country = country,
            Region = globalSouth ? "latin-america-caribbean" : "europe",
            GlobalSouth = globalSouth,
            Role = role,
            ThematicAreas = ["renewable-energy"],
            SupportTypes = ["technical-assistance"],
            Languages = ["en"],
            Capacity = 5,
            Email = $"contact.{id}@partner-private.example",
            Publishable = publishable,
        }, TestContext.Current.CancellationToken);

    /// <summary>Screening → InReview → Matching (2 days after submission) → (engagements) → Matched (6 days after).</summary>
    public async Task WalkToMatchedAsync(string requestId, params string[] partnerIds)
    {
        var submitted = _submitted[requestId];
        await StatusAsync(requestId, RequestStatus.Screening, null, submitted);
        await StatusAsync(requestId, RequestStatus.InReview, RequestStatus.Screening, submitted.AddMinutes(1));
        await StatusAsync(requestId, RequestStatus.Matching, RequestStatus.InReview, submitted.AddDays(2));
        foreach (var partner in partnerIds)
        {
            await Services.GetRequiredService<EngagementStore>().RecordAsync(requestId, partner, submitted.AddDays(5), TestContext.Current.CancellationToken);
        }
        await StatusAsync(requestId, RequestStatus.Matched, RequestStatus.AwaitingPartner, submitted.AddDays(6));
    }

    public Task StatusAsync(string requestId, RequestStatus status, RequestStatus? previous, DateTimeOffset at) =>
        Services.GetRequiredService<RecordStatusActivity>().RunAsync(new RecordStatusCommand(requestId, status, previous,
            $"status|{status}", "system", "test", null, at), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
