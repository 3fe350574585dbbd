using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Support;

/// <summary>The two hosts the product runs on: the one-machine local host, and the Azure Functions host on the published app.</summary>
public enum HostKind
{
    Local,
    Functions,
}

/// <summary>What a scenario needs of a running stack, whichever host runs the app.</summary>
public interface IHostStack
{
    HostKind Kind { get; }

    /// <summary>Form service, browser, admin script and mailbox, over HTTP against this stack.</summary>
    WgeoClient Client { get; }

    Uri BaseUrl { get; }

    AzuriteInstance Storage { get; }

    /// <summary>The Durable task hub, whose name the Azure Storage backend gives its tables.</summary>
    string TaskHub { get; }

    /// <summary>The Typeform route's signing secret (Intake:Typeform:Secret).</summary>
    string TypeformSecret { get; }
}

/// <summary>
/// Scenarios that must behave the same on both hosts are theories over <see cref="Both"/>: one source, run once per host,
/// each run named after its host. A class takes both assembly fixtures and picks with <see cref="Pick"/>.
/// </summary>
public static class OnHost
{
    public static TheoryData<HostKind> Both => new(HostKind.Local, HostKind.Functions);

    public static IHostStack Pick(HostKind kind, LocalStack local, FunctionsStack functions) =>
        kind == HostKind.Local ? local : functions;
}
