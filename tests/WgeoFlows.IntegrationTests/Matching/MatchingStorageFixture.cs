using WgeoFlows.Matching;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Matching;

/// <summary>The shared Azurite fixture, with the matching stores over it. Each store made here is a separate instance,
/// as if in a separate process: its own cache, its own clients.</summary>
public sealed class MatchingStorageFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _storage = new();

    public AzuriteInstance Azurite => _storage.Azurite;

    public ValueTask InitializeAsync() => _storage.InitializeAsync();

    public ValueTask DisposeAsync() => _storage.DisposeAsync();

    public StorageClients NewStorageClients() => _storage.NewStorageClients();

    public PartnerStore NewPartnerStore(TimeProvider? time = null) => new(NewStorageClients(), time ?? TimeProvider.System);

    public ReviewerStore NewReviewerStore() => new(NewStorageClients());
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
