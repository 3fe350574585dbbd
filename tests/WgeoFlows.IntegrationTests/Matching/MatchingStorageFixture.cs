using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Matching;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Storage;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Matching;

/// <summary>An Azurite of the test class's own (WgeoFlows.Testing's AzuriteInstance), and the stores over it.
/// Each store made here is a separate instance, as if in a separate process: its own cache, its own clients.</summary>
public sealed class MatchingStorageFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;

    public AzuriteInstance Azurite => _azurite ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync() => _azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    public StorageClients NewStorageClients() =>
        new(Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionString }));

    public PartnerStore NewPartnerStore(TimeProvider? time = null) => new(NewStorageClients(), time ?? TimeProvider.System);

    public ReviewerStore NewReviewerStore() => new(NewStorageClients());
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
