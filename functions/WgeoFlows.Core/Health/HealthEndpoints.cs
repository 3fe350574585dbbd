using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;

namespace WgeoFlows.Health;

public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(Routes.Health, (HealthHandler h, DurableTaskClient d, CancellationToken ct) => h.CheckAsync(d, ct));
        return api;
    }
}
