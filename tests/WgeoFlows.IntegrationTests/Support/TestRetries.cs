using Microsoft.Extensions.Logging.Abstractions;
using WgeoFlows.Shared.Resilience;

namespace WgeoFlows.Tests.Support;

/// <summary>The product's retry pipelines on the real clock, for stores a test builds by hand.</summary>
public static class TestRetries
{
    public static RetryPipelines Pipelines { get; } = new(TimeProvider.System, NullLogger<RetryPipelines>.Instance);
}
