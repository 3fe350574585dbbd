using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WgeoFlows.Local.Runtime;

namespace WgeoFlows.Tests.Support;

/// <summary>
/// The local host's own Program, built in memory with its endpoints as it maps them. Its background services (Azurite,
/// the Durable Task sidecar, worker and timers) are removed: reading the routes needs none of them.
/// </summary>
internal sealed class LocalHostEndpoints : WebApplicationFactory<LocalUrls>
{
    static LocalHostEndpoints()
    {
        // Program sets its content root to the folder of its binary, which here is the test's; the factory would point
        // it at the project folder, and a host refuses a content root changed after it was set.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WGEOFLOWS_LOCAL", AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            // Keep ASP.NET Core's own (the web server's), drop the app's.
            var background = services.Where(d => d.ServiceType == typeof(IHostedService)
                && !(d.ImplementationType?.FullName ?? "").StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)).ToList();
            foreach (var descriptor in background) services.Remove(descriptor);
        });

    /// <summary>Every route endpoint: its name, its pattern and its verbs.</summary>
    public IReadOnlyList<(string? Name, string Pattern, string[] Verbs)> Routes() =>
        Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, e.RoutePattern.RawText ?? "",
                (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).ToArray()))
            .ToList();
}
