using System.Text.Json;
using WgeoFlows.Hosting;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests;

/// <summary>
/// Both hosts serve exactly the route table (<see cref="ApiRoutes"/>): the Functions app as its build declares it in
/// functions.metadata, the local host as its Program maps it. A route, a verb or a Durable client binding missing from
/// either host, or one the table does not know, fails here.
/// </summary>
public sealed class RouteTableHostsTests
{
    private static IEnumerable<string> Expected() =>
        ApiRoutes.All.Select(r => Describe(r.Name, "api/" + r.Template, r.Verbs));

    private static string Describe(string? name, string route, IEnumerable<string> verbs) =>
        $"{name} {route} {string.Join(",", verbs.Select(v => v.ToUpperInvariant()).Order(StringComparer.Ordinal))}";

    private static IEnumerable<(string Name, JsonElement Function)> HttpFunctions() =>
        FunctionsMetadataTests.Functions()
            .Where(f => FunctionsMetadataTests.Trigger(f.Value).GetProperty("type").GetString() == "httpTrigger")
            .Select(f => (f.Key, f.Value));

    [Fact]
    public void The_Functions_app_declares_one_function_per_entry_with_its_route_and_verbs()
    {
        var declared = HttpFunctions().Select(f =>
        {
            var trigger = FunctionsMetadataTests.Trigger(f.Function);
            return Describe(f.Name, trigger.GetProperty("route").GetString()!,
                trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!));
        });

        declared.Order(StringComparer.Ordinal).ShouldBe(Expected().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_function_is_anonymous_and_binds_the_Durable_client_exactly_when_its_handler_uses_it()
    {
        foreach (var (name, function) in HttpFunctions())
        {
            var route = ApiRoutes.Named(name)!;
            // Every route authenticates its caller in its handler (RouteAuth), the same in both hosts.
            FunctionsMetadataTests.Trigger(function).GetProperty("authLevel").GetString().ShouldBe("Anonymous", name);
            var bindsDurable = function.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "durableClient");
            bindsDurable.ShouldBe(route.UsesDurableClient, name);
        }
    }

    [Fact]
    public void The_local_host_maps_one_endpoint_per_entry_with_its_route_and_verbs()
    {
        using var local = new LocalHostEndpoints();

        var mapped = local.Routes()
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .Select(e => Describe(e.Name, e.Pattern.TrimStart('/'), e.Verbs));

        mapped.Order(StringComparer.Ordinal).ShouldBe(Expected().Order(StringComparer.Ordinal));
    }
}
